package io.qunyun.rules.messaging;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import io.qunyun.rules.domain.tier.GrowthWindow;
import io.qunyun.rules.domain.tier.Tier;

/**
 * Data of a {@code member-growth} event (docs/events.md): what a member did over the growth window.
 * The same constraints as {@code POST /decisions/tier}, so Kafka and REST accept the same inputs.
 */
public record MemberGrowth(
        @NotNull UUID memberId,
        @NotNull @PositiveOrZero Integer purchases,
        @NotNull @PositiveOrZero Integer contentPoints,
        @NotNull @PositiveOrZero Integer behaviourPoints,
        Tier currentTier) {

    public GrowthWindow window() {
        return new GrowthWindow(purchases, contentPoints, behaviourPoints, currentTier);
    }
}
