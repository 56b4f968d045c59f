package io.qunyun.rules.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code io.qunyun.member.activity.recorded.v1}, after validation. The context fields
 * (streak, campaign phase, tier, prior offences) are optional: publishers that do not know them omit them.
 */
public record ActivityRecorded(
        UUID activityId,
        UUID memberId,
        String type,
        UUID groupId,
        Instant occurredAt,
        String idempotencyKey,
        Integer streakDays,
        String campaignPhase,
        String memberTier,
        Integer priorOffences) {

    /** An activity without context fields. */
    public ActivityRecorded(UUID activityId, UUID memberId, String type, UUID groupId, Instant occurredAt,
            String idempotencyKey) {
        this(activityId, memberId, type, groupId, occurredAt, idempotencyKey, null, null, null, null);
    }

    public static final String EVENT_TYPE = "io.qunyun.member.activity.recorded.v1";
}
