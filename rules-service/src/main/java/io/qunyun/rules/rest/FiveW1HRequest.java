package io.qunyun.rules.rest;

import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.positioning.GroupType;
import io.qunyun.rules.domain.positioning.PrimaryMetric;
import io.qunyun.rules.domain.selfcheck.Monetization;

@Schema(description = "A group's 5W1H answers; every field is optional, missing answers become findings")
public record FiveW1HRequest(
        @Schema(description = "Type from the positioning decision; missing means the span was not classified") GroupType groupType,
        @Schema(description = "Members are screened before joining (default false)") Boolean screened,
        @Schema(description = "WHY build the group") String why,
        @Schema(description = "WHAT value members get") String what,
        @Schema(description = "WHERE it runs (platform, offline)") String where,
        @Schema(description = "WHO the members are") String who,
        @Positive @Schema(description = "WHEN: lifecycle length in hours") Integer lifecycleHours,
        @Schema(description = "HOW the group makes money") Monetization how,
        @Schema(description = "Primary metric from the positioning decision") PrimaryMetric primaryMetric,
        @Schema(description = "High ticket price, decision cost, learning cost or an organisational relationship")
        Boolean highInvolvement) {
}
