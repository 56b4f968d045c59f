package io.qunyun.member.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What rules-service decided one activity earns; the unit the ledger credits (at most once per activity).
 *
 * @param policy how to credit it (PointsPolicy table); null when the publisher sent none: no cap, no
 *               growth, no expiry
 */
public record RewardDecision(
        UUID decisionId,
        UUID activityId,
        UUID memberId,
        String activityType,
        int points,
        String reason,
        List<String> firedRules,
        String tableVersion,
        Instant occurredAt,
        // the activity's group (absent for activities outside a group)
        UUID groupId,
        boolean penalty,
        // the table's expel verdict: the member leaves the group (MembershipService)
        boolean expel,
        CreditPolicy policy) {

    /** The decision as older publishers sent it: no group, no penalty flag, no expel, no policy. */
    public RewardDecision(UUID decisionId, UUID activityId, UUID memberId, String activityType, int points,
            String reason, List<String> firedRules, String tableVersion, Instant occurredAt) {
        this(decisionId, activityId, memberId, activityType, points, reason, firedRules, tableVersion, occurredAt,
                null, false, false, null);
    }

    /** The same decision for the survivor of a merge: a merged record's activities are credited to it. */
    public RewardDecision forMember(UUID survivor) {
        return new RewardDecision(decisionId, activityId, survivor, activityType, points, reason, firedRules, tableVersion,
                occurredAt, groupId, penalty, expel, policy);
    }

    /**
     * @param maxPerDay        credited activities of this type per member and local day (all groups); null = no cap
     * @param capRule          the CreditCaps row
     * @param growthInput      PURCHASES, CONTENT or BEHAVIOUR; null = no growth
     * @param expiresAfterDays days until the credited points expire; null = never
     */
    public record CreditPolicy(Integer maxPerDay, String capRule, String growthInput, Integer expiresAfterDays,
            String expiryRule, String tableVersion) {
    }
}
