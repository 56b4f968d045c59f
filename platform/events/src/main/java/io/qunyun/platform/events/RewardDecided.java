package io.qunyun.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of {@code io.qunyun.rules.reward.decided.v1} on reward-decisions; fields exactly as in docs/events.md.
 * Published by rules-service, credited by member-service. The constraints are the consumer's: what its ledger can
 * store faithfully (PostgreSQL text holds no NUL; a record that cannot be stored would fail its whole batch).
 * {@code decisionId} may be absent (older publishers): the envelope id stands for it.
 */
public record RewardDecided(
        UUID decisionId,
        @NotNull(message = "is missing") UUID activityId,
        @NotNull(message = "is missing") UUID memberId,
        @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String activityType,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID groupId,
        Instant occurredAt,
        @NotNull(message = "is missing") Integer points,
        Integer basePoints,
        Integer multiplier,
        @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String reason,
        @JsonInclude(JsonInclude.Include.ALWAYS) String badge,
        Boolean penalty,
        Boolean expel,
        List<@Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String> firedRules,
        String table,
        @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String tableVersion,
        @Valid CreditPolicy policy) {

    public static final String EVENT_TYPE = "io.qunyun.rules.reward.decided.v1";
    public static final String TOPIC = "reward-decisions";
    /** Text PostgreSQL can store: no NUL character. */
    public static final String NO_NUL = "[^\\u0000]*";
    public static final String NUL_MESSAGE = "contains a NUL character";

    /**
     * What the PointsPolicy table says about crediting this activity; member-service applies it when it credits (cap
     * per member, group and local day; growth input; expiry), naming the rows. Absent from older publishers.
     */
    public record CreditPolicy(
            @JsonInclude(JsonInclude.Include.ALWAYS) @Min(value = 1, message = "is not a whole number > 0") Integer maxPerDay,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String capRule,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Pattern(regexp = "PURCHASES|CONTENT|BEHAVIOUR",
                    message = "is not one of [PURCHASES, CONTENT, BEHAVIOUR]") String growthInput,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Min(value = 1, message = "is not a whole number > 0") Integer expiresAfterDays,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String expiryRule,
            String table,
            @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String tableVersion) {
    }
}
