package io.qunyun.rules.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qunyun.rules.domain.tier.GrowthInput;
import io.qunyun.rules.domain.tier.Tier;
import io.qunyun.rules.domain.tier.TierChange;

/** Payload of {@code io.qunyun.rules.tier.decided.v1}; fields exactly as in docs/events.md. */
public record TierDecided(
        UUID decisionId,
        String growthEventId,
        UUID memberId,
        int purchases,
        int contentPoints,
        int behaviourPoints,
        long growthValue,
        Map<GrowthInput, Integer> weights,
        Tier tier,
        int rank,
        String benefits,
        @JsonInclude(JsonInclude.Include.NON_NULL) Tier currentTier,
        @JsonInclude(JsonInclude.Include.NON_NULL) TierChange change,
        List<String> firedRules,
        String table,
        String tableVersion) {

    public static final String EVENT_TYPE = "io.qunyun.rules.tier.decided.v1";
}
