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

    /**
     * True when the constraints above hold: what Bean Validation would check, without its per-call cost (a quarter of
     * the tier processor's time). Only a shortcut for valid records: anything else is validated, and named, by the
     * validator ({@code MemberGrowthConstraintsTest} fails when the constraints and this check part).
     */
    public boolean withinConstraints() {
        return memberId != null && purchases != null && purchases >= 0 && contentPoints != null && contentPoints >= 0
                && behaviourPoints != null && behaviourPoints >= 0;
    }

    public GrowthWindow window() {
        return new GrowthWindow(purchases, contentPoints, behaviourPoints, currentTier);
    }
}
