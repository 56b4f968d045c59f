package io.qunyun.rules.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qunyun.rules.domain.tier.GrowthInput;

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
        String tableVersion,
        CreditPolicy policy) {

    /**
     * What the PointsPolicy table says about crediting this activity; member-service applies it when it
     * credits (cap per member, group and local day; growth input; expiry), naming the rows.
     */
    public record CreditPolicy(
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer maxPerDay,
            @JsonInclude(JsonInclude.Include.ALWAYS) String capRule,
            @JsonInclude(JsonInclude.Include.ALWAYS) GrowthInput growthInput,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer expiresAfterDays,
            @JsonInclude(JsonInclude.Include.ALWAYS) String expiryRule,
            String table,
            String tableVersion) {
    }

    public static final String EVENT_TYPE = "io.qunyun.rules.reward.decided.v1";
    public static final String SOURCE = "/rules-service";
}
