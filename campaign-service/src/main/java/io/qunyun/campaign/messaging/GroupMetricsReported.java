package io.qunyun.campaign.messaging;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of io.qunyun.campaign.group.metrics.reported.v1 (group-metrics, key = group id). The first
 * fields are what rules-service's GroupHealth reads; the rest are for dashboards and operators.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupMetricsReported(UUID groupId, String groupType, double messagesPerDay, double activeMemberRatio,
        double checkInRate, long conversions, long ageHours, Integer lifespanHours, String primaryMetric,
        Long campaignAgeHours, LocalDate windowFrom, LocalDate windowTo, long members, String revenue, long joins,
        long exits, double spamRate) {

    public static final String EVENT_TYPE = "io.qunyun.campaign.group.metrics.reported.v1";
}
