package io.qunyun.rules.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.tier.GrowthWindow;
import io.qunyun.rules.domain.tier.Tier;

@Schema(description = "What a member did over the growth window; the same fields as the data of a member-growth event")
public record TierRequest(
        @Schema(description = "The member; optional over REST, required on Kafka") UUID memberId,
        @NotNull @PositiveOrZero @Schema(description = "Purchases (orders) in the window", required = true) Integer purchases,
        @NotNull @PositiveOrZero @Schema(description = "Points from content contribution in the window", required = true) Integer contentPoints,
        @NotNull @PositiveOrZero @Schema(description = "Points from behaviour (check-ins, interaction) in the window", required = true) Integer behaviourPoints,
        @Schema(description = "The member's tier today; without it the answer has no change") Tier currentTier) {

    public GrowthWindow window() {
        return new GrowthWindow(purchases, contentPoints, behaviourPoints, currentTier);
    }
}
