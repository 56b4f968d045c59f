package io.qunyun.platform.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of {@code io.qunyun.rules.tier.decided.v1} on tier-decisions; fields exactly as in docs/events.md.
 * Published by rules-service (tier names as the Tiers table's constants), applied by member-service: the constraints
 * are what it stores. {@code decisionId} may be absent (older publishers): the envelope id stands for it.
 */
public record TierDecided(
        UUID decisionId,
        String growthEventId,
        @NotNull(message = "is missing") UUID memberId,
        Integer purchases,
        Integer contentPoints,
        Integer behaviourPoints,
        Long growthValue,
        Map<String, Integer> weights,
        @NotBlank(message = "is missing or blank") @Size(max = 32) @Pattern(regexp = RewardDecided.NO_NUL,
                message = RewardDecided.NUL_MESSAGE) String tier,
        Integer rank,
        @NotNull(message = "is missing") @Pattern(regexp = RewardDecided.NO_NUL,
                message = RewardDecided.NUL_MESSAGE) String benefits,
        @JsonInclude(JsonInclude.Include.NON_NULL) String currentTier,
        @JsonInclude(JsonInclude.Include.NON_NULL) String change,
        List<@NotNull @Pattern(regexp = RewardDecided.NO_NUL, message = RewardDecided.NUL_MESSAGE) String> firedRules,
        @Pattern(regexp = RewardDecided.NO_NUL, message = RewardDecided.NUL_MESSAGE) String table,
        @Pattern(regexp = RewardDecided.NO_NUL, message = RewardDecided.NUL_MESSAGE) String tableVersion) {

    public static final String EVENT_TYPE = "io.qunyun.rules.tier.decided.v1";
    public static final String TOPIC = "tier-decisions";
}
