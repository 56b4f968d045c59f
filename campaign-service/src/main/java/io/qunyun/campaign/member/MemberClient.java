package io.qunyun.campaign.member;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.qunyun.platform.config.ServiceCredentials;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * member-service's audience query (contract: {@code POST /audiences/query}). A query is a read,
 * so retrying it is safe; the scheduler keeps its cursor, so a failed page is asked again later.
 */
@RegisterRestClient(configKey = "member-service")
@RegisterProvider(ServiceCredentials.class)
@Path("/audiences")
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 300)
public interface MemberClient {

    @POST
    @Path("/query")
    AudiencePage query(AudienceQuery query);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AudienceQuery(List<UUID> groupIds, List<String> layers, List<String> stages, List<String> activityStates,
            List<String> roles, List<String> tiers, Integer inactiveDays, Boolean notCheckedInToday, Boolean staff,
            String after, Integer limit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AudiencePage(List<AudienceMember> items, String nextCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AudienceMember(UUID membershipId, UUID memberId, UUID groupId, List<String> roles, boolean staff,
            String layer, String stage, String activityState, String tier, Instant joinedAt, Instant lastActivityAt,
            Instant lastCheckInAt) {
    }
}
