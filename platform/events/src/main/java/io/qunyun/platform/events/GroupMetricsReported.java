package io.qunyun.platform.events;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of {@code io.qunyun.campaign.group.metrics.reported.v1} on group-metrics (key = group id): a group's
 * metrics over one window. Published by campaign-service; rules-service's GroupHealth reads the first fields, with
 * the constraints of {@code POST /decisions/group-health} (Kafka and REST accept the same inputs); the rest are for
 * dashboards and operators. The group id is checked by the consumer, which names it in the reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupMetricsReported(
        UUID groupId,
        String groupType,
        @NotNull @DecimalMin("0") Double messagesPerDay,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double activeMemberRatio,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double checkInRate,
        @NotNull @PositiveOrZero @Max(Integer.MAX_VALUE) Long conversions,
        @NotNull @PositiveOrZero @Max(Integer.MAX_VALUE) Long ageHours,
        @Positive Integer lifespanHours,
        String primaryMetric,
        @PositiveOrZero @Max(Integer.MAX_VALUE) Long campaignAgeHours,
        LocalDate windowFrom,
        LocalDate windowTo,
        Long members,
        String revenue,
        Long joins,
        Long exits,
        Double spamRate) {

    public static final String EVENT_TYPE = "io.qunyun.campaign.group.metrics.reported.v1";
    public static final String TOPIC = "group-metrics";
}
