package io.qunyun.member.domain;

import java.util.List;
import java.util.UUID;

/** A decision of the Tiers table (io.qunyun.rules.tier.decided.v1), as member-service applies it. */
public record TierDecision(UUID decisionId, UUID memberId, String tier, String benefits, Long growthValue,
        List<String> firedRules, String table, String tableVersion) {
}
