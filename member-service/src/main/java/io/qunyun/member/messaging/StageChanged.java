package io.qunyun.member.messaging;

import java.time.Instant;
import java.util.UUID;

/** Payload of io.qunyun.member.stage.changed.v1 (topic member-stage-changes, key = member id). */
public record StageChanged(
        UUID membershipId,
        UUID memberId,
        UUID groupId,
        String stage,
        String previousStage,
        String decidedBy,
        String table,
        String tableVersion,
        Instant occurredAt) {

    public static final String EVENT_TYPE = "io.qunyun.member.stage.changed.v1";
}
