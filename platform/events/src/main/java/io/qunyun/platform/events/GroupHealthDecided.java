package io.qunyun.platform.events;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of {@code io.qunyun.rules.group-health.decided.v1} on group-health-decisions; fields exactly as in
 * docs/events.md. Published by rules-service (names of the GroupHealth table's constants), acted on by
 * campaign-service. {@code decisionId} may be absent (older publishers): the envelope id stands for it.
 */
public record GroupHealthDecided(
        UUID decisionId,
        String metricsEventId,
        @NotNull(message = "is missing") UUID groupId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String groupType,
        @NotNull(message = "is missing") @Pattern(regexp = "OK|REVIVE|TRANSFER_ACTIVE|DISSOLVE",
                message = "is not OK, REVIVE, TRANSFER_ACTIVE or DISSOLVE") String verdict,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reviveKind,
        String message,
        Boolean pastLifespan,
        String decidedBy,
        List<String> firedRules,
        String table,
        String tableVersion) {

    public static final String EVENT_TYPE = "io.qunyun.rules.group-health.decided.v1";
    public static final String TOPIC = "group-health-decisions";
}
