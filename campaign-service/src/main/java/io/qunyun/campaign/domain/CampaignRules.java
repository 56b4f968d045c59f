package io.qunyun.campaign.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The decisions campaign-service asks of rules-service (its decision tables), as the domain needs
 * them. A port: the rules adapter answers it over REST; the domain never sees the transport. The
 * questions and decisions are the wire shapes of rules-service's /decisions API.
 */
public interface CampaignRules {

    /** GroupPositioning: type, lifespan and intensity of a group spanning these AIDASS stages. */
    PositioningDecision positioning(PositioningQuestion question);

    /** FiveW1HCheck: whether the 5W1H answers fit the positioned group. */
    FiveW1HDecision fiveW1H(FiveW1HQuestion question);

    /** TouchStrategy: the tactic of a 1:1 task for a member at this stage and layer in this type of group. */
    TouchDecision touch(TouchQuestion question);

    /** MetricDefinitions: the window and what makes a member active and converted, for this group. */
    MetricDefinitions metricDefinitions(MetricDefinitionQuestion question);

    /** SchedulePolicy: quiet hours, contact cap, platform limits and 1:1 layers of a template on a platform. */
    SchedulePolicyDecision schedulePolicy(SchedulePolicyQuestion question);

    record MetricDefinitionQuestion(String groupType, int ageHours) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MetricDefinitions(int windowDays, List<String> activeTypes, List<String> convertedTypes, String decidedBy,
            String table, String tableVersion, List<String> firedRules) {
    }

    record SchedulePolicyQuestion(String template, String platform) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchedulePolicyDecision(String quietStart, String quietEnd, int contactCapPerDay, String capMode,
            Integer groupPostsPerMonth, Integer oneToOnePerCustomerPerMonth, List<String> oneToOneLayers,
            Integer influenceActiveWithinDays, String decidedBy, String tableVersion, List<String> firedRules) {
    }

    record TouchQuestion(String stage, String layer, String groupType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TouchDecision(String action, String channel, String ownerRole, String priority, String decidedBy,
            String table, String tableVersion) {
    }

    record PositioningQuestion(AidassStage from, AidassStage to, boolean screened) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PositioningDecision(String type, Integer lifespanHours, String intensity, String primaryMetric,
            String table, String tableVersion, List<String> firedRules) {
    }

    record FiveW1HQuestion(String groupType, boolean screened, String why, String what, String where, String who,
            Integer lifecycleHours, Monetization how) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FiveW1HDecision(boolean blocked, List<Finding> findings, String table, String tableVersion,
            List<String> firedRules) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Finding(String severity, String code, String message, String rule) {
    }
}
