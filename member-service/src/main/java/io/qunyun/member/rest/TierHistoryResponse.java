package io.qunyun.member.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.qunyun.member.domain.TierDecisions;

/** A member's tier changes, newest first. */
public record TierHistoryResponse(UUID memberId, String tier, String benefits, List<Change> changes) {

    public record Change(UUID decisionId, String tier, String previousTier, String benefits, Long growthValue,
            List<String> firedRules, String tableVersion, Instant changedAt) {

        static Change of(TierDecisions.Applied applied) {
            return new Change(applied.decisionId(), applied.tier(), applied.previousTier(), applied.benefits(),
                    applied.growthValue(), applied.firedRules(), applied.tableVersion(), applied.appliedAt());
        }
    }
}
