package io.qunyun.rules.domain.points;

import java.util.List;

import io.qunyun.rules.domain.tier.GrowthInput;

/**
 * Outcome of the PointsPolicy table for one activity type and member tier.
 *
 * @param maxPerDay        credited activities of this type per member, group and local day; null = no cap
 * @param capRule          the CreditCaps row that decided; null when no row knows the activity type
 * @param growthInput      which growth input the activity's points count towards; null when no row knows the type
 * @param expiresAfterDays days after which points earned now expire; null when no PointsExpiry row matched
 * @param expiryRule       the PointsExpiry row that decided; null when none matched
 * @param firedRules       every matching row: the CreditCaps rows (deciding first), then the PointsExpiry rows
 */
public record PointsPolicyDecision(Integer maxPerDay, String capRule, GrowthInput growthInput, Integer expiresAfterDays,
        String expiryRule, String tableVersion, List<String> firedRules) {
}
