package io.qunyun.member.rules;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.qunyun.platform.config.ServiceCredentials;

/**
 * rules-service's decision API (the two tables memberships use). Decisions are pure functions of
 * their input, so retrying a failed call is safe. Answers are read as a tolerant reader (ignoreUnknown): the
 * service's mapper is strict for our own request bodies, but a field rules-service adds must not break us.
 */
@RegisterRestClient(configKey = "rules-service")
@RegisterProvider(ServiceCredentials.class)
@Path("/decisions")
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 200)
public interface RulesClient {

    @POST
    @Path("/rejoin")
    RejoinAnswer rejoin(RejoinRequest request);

    @POST
    @Path("/member-standing")
    StandingAnswer standing(StandingRequest request);

    record RejoinRequest(String previousExitKind, boolean hadReason, int daysSinceExit, String groupType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RejoinAnswer(Boolean allowed, Boolean screeningRequired, String reason, String decidedBy, String table,
            String tableVersion, List<String> firedRules) {
    }

    record StandingRequest(int interactions, int purchases, int shares, int contributions, int daysSinceLastActivity,
            int daysSinceLastContribution) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StandingAnswer(String stage, String stageRule, String activityState, String activityStateRule, String layer,
            String layerRule, String table, String tableVersion, List<String> firedRules) {
    }
}
