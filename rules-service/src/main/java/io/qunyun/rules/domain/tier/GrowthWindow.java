package io.qunyun.rules.domain.tier;

/**
 * What a member did over the growth window.
 *
 * @param purchases       number of purchases (orders), not negative
 * @param contentPoints   points from content contribution, not negative
 * @param behaviourPoints points from behaviour (check-ins, interaction), not negative
 * @param currentTier     the member's tier today; null when none yet
 */
public record GrowthWindow(int purchases, int contentPoints, int behaviourPoints, Tier currentTier) {
}
