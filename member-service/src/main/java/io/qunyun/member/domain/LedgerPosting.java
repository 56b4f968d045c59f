package io.qunyun.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One row to append to the points ledger, with how it moves the member's balance and growth counters.
 *
 * @param activityId    the idempotency key of the row: the activity for REWARD, derived ids for the others
 * @param growthInput   PURCHASES, CONTENT or BEHAVIOUR (PointsPolicy table); null = counts towards no growth
 * @param purchasesDelta change of the member's purchase counter (growth)
 * @param contentDelta  change of the member's content points (growth)
 * @param behaviourDelta change of the member's behaviour points (growth)
 */
public record LedgerPosting(
        LedgerKind kind,
        UUID memberId,
        UUID activityId,
        UUID decisionId,
        String activityType,
        UUID groupId,
        LocalDate localDay,
        int points,
        String reason,
        List<String> firedRules,
        String tableVersion,
        Instant occurredAt,
        Instant creditedAt,
        boolean penalty,
        String growthInput,
        String cappedBy,
        String policyVersion,
        Instant expiresAt,
        Long refersTo,
        long purchasesDelta,
        long contentDelta,
        long behaviourDelta) {

    public boolean movesGrowth() {
        return purchasesDelta != 0 || contentDelta != 0 || behaviourDelta != 0;
    }
}
