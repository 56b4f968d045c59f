package io.qunyun.rules.messaging;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code io.qunyun.member.activity.recorded.v1}, after validation. */
public record ActivityRecorded(
        UUID activityId,
        UUID memberId,
        String type,
        UUID groupId,
        Instant occurredAt,
        String idempotencyKey) {

    public static final String EVENT_TYPE = "io.qunyun.member.activity.recorded.v1";
}
