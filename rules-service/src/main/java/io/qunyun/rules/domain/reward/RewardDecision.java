package io.qunyun.rules.domain.reward;

import java.util.List;

/**
 * Outcome of the Rewards table; {@code points = basePoints × multiplier}. {@code firedRules} lists every
 * matching row, highest priority first; {@code decidedBy} is the one whose outputs apply (null when none
 * matched).
 */
public record RewardDecision(int points, int basePoints, int multiplier, String reason, String tableVersion,
        List<String> firedRules, String badge, boolean penalty, boolean expel, String decidedBy) {
}
