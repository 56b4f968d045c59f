package io.qunyun.member.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What rules-service decided one activity earns; the unit the ledger credits (at most once per activity). */
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
        // the activity's group (absent for activities outside a group) and the table's expel verdict
        UUID groupId,
        boolean expel) {
}
