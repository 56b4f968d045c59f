package io.qunyun.rules.rest;

import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.health.GroupMetrics;
import io.qunyun.rules.domain.positioning.GroupType;
import io.qunyun.rules.domain.positioning.PrimaryMetric;

@Schema(description = "A group's metrics over one window; the same fields as the data of a group-metrics event")
public record GroupHealthRequest(
        @Schema(description = "The group; optional over REST, required on Kafka") UUID groupId,
        @Schema(description = "Group type; rows for one type only match when it is given") GroupType groupType,
        @NotNull @DecimalMin("0") @Schema(description = "Average messages per day", required = true) Double messagesPerDay,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(description = "Share of members active in the window, 0..1", required = true) Double activeMemberRatio,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(description = "Check-in rate, 0..1", required = true) Double checkInRate,
        @NotNull @PositiveOrZero @Schema(description = "Conversions (orders) in the window", required = true) Integer conversions,
        @NotNull @PositiveOrZero @Schema(description = "Hours since the group was created", required = true) Integer ageHours,
        @Positive @Schema(description = "Planned lifespan in hours; absent means open-ended") Integer lifespanHours,
        @Schema(description = "What the group is judged by (GroupPositioning): TRANSACTION or CONVERSATION") PrimaryMetric primaryMetric,
        @PositiveOrZero @Schema(description = "Hours since the campaign running in the group started; absent when none runs") Integer campaignAgeHours) {

    public GroupMetrics metrics() {
        return new GroupMetrics(groupType, messagesPerDay, activeMemberRatio, checkInRate, conversions, ageHours,
                lifespanHours, primaryMetric, campaignAgeHours);
    }
}
