package io.qunyun.rules.domain.health;

import java.util.List;

/**
 * Outcome of the GroupHealth table: the highest-priority matching row decides.
 *
 * @param reviveKind only for REVIVE
 * @param message    note for operators; for DISSOLVE the goodbye to post
 * @param decidedBy  name of the row that decided
 * @param firedRules every matching row, highest priority first
 */
public record GroupHealthDecision(Verdict verdict, ReviveKind reviveKind, String message, boolean pastLifespan,
        String decidedBy, String tableVersion, List<String> firedRules) {
}
