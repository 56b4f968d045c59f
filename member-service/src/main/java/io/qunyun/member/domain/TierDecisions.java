package io.qunyun.member.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Port: the tier decisions applied (implemented by persistence.TierDecisionRepository). */
public interface TierDecisions {

    /** One applied decision; changed = it moved the member to another tier. */
    record Applied(UUID decisionId, UUID memberId, String tier, String previousTier, boolean changed,
            String benefits, Long growthValue, List<String> firedRules, String tableVersion, Instant appliedAt) {
    }

    /** The decision ids among these that were applied before. */
    Set<UUID> appliedAmong(Collection<UUID> decisionIds);

    /** Inserts the decisions not applied before, in one statement; per decision: inserted. */
    boolean[] insertAll(List<Applied> decisions);

    /** The decisions that changed the member's tier, oldest first. */
    List<Applied> changesOf(UUID memberId);
}
