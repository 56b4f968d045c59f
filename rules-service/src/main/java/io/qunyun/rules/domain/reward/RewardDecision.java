package io.qunyun.rules.domain.reward;

import java.util.List;

/** Outcome of the Rewards table; {@code points = basePoints × multiplier}. */
public record RewardDecision(int points, int basePoints, int multiplier, String reason, String tableVersion,
        List<String> firedRules) {
}
