package io.qunyun.rules.messaging;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qunyun.rules.domain.health.ReviveKind;
import io.qunyun.rules.domain.health.Verdict;
import io.qunyun.rules.domain.positioning.GroupType;

/** Payload of {@code io.qunyun.rules.group-health.decided.v1}; fields exactly as in docs/events.md. */
public record GroupHealthDecided(
        UUID decisionId,
        String metricsEventId,
        UUID groupId,
        @JsonInclude(JsonInclude.Include.NON_NULL) GroupType groupType,
        Verdict verdict,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReviveKind reviveKind,
        String message,
        boolean pastLifespan,
        String decidedBy,
        List<String> firedRules,
        String table,
        String tableVersion) {

    public static final String EVENT_TYPE = "io.qunyun.rules.group-health.decided.v1";
}
