package io.qunyun.campaign.rules;

import io.qunyun.campaign.domain.AidassStage;
import io.qunyun.campaign.domain.Monetization;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.qunyun.platform.config.ServiceCredentials;

/**
 * rules-service's decision API. Decisions are pure functions of their input, so retrying a
 * failed call is safe.
 */
@RegisterRestClient(configKey = "rules-service")
@RegisterProvider(ServiceCredentials.class)
@Path("/decisions")
@Timeout(value = 3, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 200)
public interface RulesClient {

    @POST
    @Path("/positioning")
    PositioningDecision positioning(PositioningQuestion question);

    @POST
    @Path("/five-w-one-h")
    FiveW1HDecision fiveW1H(FiveW1HQuestion question);

    /** TouchStrategy: the tactic of a 1:1 task for a member at this stage and layer in this type of group. */
    @POST
    @Path("/touch")
    TouchDecision touch(TouchQuestion question);

    /** MetricDefinitions: the window and what makes a member active and converted, for this group. */
    @POST
    @Path("/metric-definitions")
    MetricDefinitions metricDefinitions(MetricDefinitionQuestion question);

    record MetricDefinitionQuestion(String groupType, int ageHours) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record MetricDefinitions(int windowDays, List<String> activeTypes, List<String> convertedTypes, String decidedBy,
            String table, String tableVersion, List<String> firedRules) {
    }

    /** SchedulePolicy: quiet hours, contact cap, platform limits and 1:1 layers of a template on a platform. */
    @POST
    @Path("/schedule-policy")
    SchedulePolicyDecision schedulePolicy(SchedulePolicyQuestion question);

    record SchedulePolicyQuestion(String template, String platform) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record SchedulePolicyDecision(String quietStart, String quietEnd, int contactCapPerDay, String capMode,
            Integer groupPostsPerMonth, Integer oneToOnePerCustomerPerMonth, List<String> oneToOneLayers,
            Integer influenceActiveWithinDays, String decidedBy, String tableVersion, List<String> firedRules) {
    }

    record TouchQuestion(String stage, String layer, String groupType) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record TouchDecision(String action, String channel, String ownerRole, String priority, String decidedBy,
            String table, String tableVersion) {
    }

    record PositioningQuestion(AidassStage from, AidassStage to, boolean screened) {
    }

    record PositioningDecision(String type, Integer lifespanHours, String intensity, String primaryMetric,
            String table, String tableVersion, List<String> firedRules) {
    }

    record FiveW1HQuestion(String groupType, boolean screened, String why, String what, String where, String who,
            Integer lifecycleHours, Monetization how) {
    }

    record FiveW1HDecision(boolean blocked, List<Finding> findings, String table, String tableVersion,
            List<String> firedRules) {
    }

    record Finding(String severity, String code, String message, String rule) {
    }
}
