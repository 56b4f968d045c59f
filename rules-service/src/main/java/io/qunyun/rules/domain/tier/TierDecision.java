package io.qunyun.rules.domain.tier;

import java.util.List;
import java.util.Map;

/**
 * Outcome of the Tiers table.
 *
 * @param growthValue purchases × weight + content points × weight + behaviour points × weight
 * @param weights     the weight the table gave each input kind
 * @param change      compared with the current tier; null when there was none
 * @param firedRules  the weight rows (by name), then the tier row
 */
public record TierDecision(long growthValue, Map<GrowthInput, Integer> weights, Tier tier, String benefits,
        Tier currentTier, TierChange change, String tableVersion, List<String> firedRules) {

    public int rank() {
        return tier.rank();
    }
}
