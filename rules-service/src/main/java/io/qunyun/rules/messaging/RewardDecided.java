package io.qunyun.rules.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Payload of {@code io.qunyun.rules.reward.decided.v1}; fields exactly as in docs/events.md. */
public record RewardDecided(
        UUID decisionId,
        UUID activityId,
        UUID memberId,
        String activityType,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID groupId,
        Instant occurredAt,
        int points,
        int basePoints,
        int multiplier,
        String reason,
        @JsonInclude(JsonInclude.Include.ALWAYS) String badge,
        boolean penalty,
        boolean expel,
        List<String> firedRules,
        String table,
        String tableVersion) {

    public static final String EVENT_TYPE = "io.qunyun.rules.reward.decided.v1";
    public static final String SOURCE = "/rules-service";
}
