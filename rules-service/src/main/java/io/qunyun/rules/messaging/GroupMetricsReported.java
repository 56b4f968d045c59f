package io.qunyun.rules.messaging;

import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import io.qunyun.rules.domain.health.GroupMetrics;
import io.qunyun.rules.domain.positioning.GroupType;
import io.qunyun.rules.domain.positioning.PrimaryMetric;

/**
 * Data of a {@code group-metrics} event (docs/events.md): a group's metrics over one window. The same
 * constraints as {@code POST /decisions/group-health}, so Kafka and REST accept the same inputs; the
 * group id is checked by the processor, which names it in the reason.
 */
public record GroupMetricsReported(
        UUID groupId,
        GroupType groupType,
        @NotNull @DecimalMin("0") Double messagesPerDay,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double activeMemberRatio,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double checkInRate,
        @NotNull @PositiveOrZero Integer conversions,
        @NotNull @PositiveOrZero Integer ageHours,
        @Positive Integer lifespanHours,
        PrimaryMetric primaryMetric,
        @PositiveOrZero Integer campaignAgeHours) {

    public GroupMetrics metrics() {
        return new GroupMetrics(groupType, messagesPerDay, activeMemberRatio, checkInRate, conversions, ageHours,
                lifespanHours, primaryMetric, campaignAgeHours);
    }
}
