package io.qunyun.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.qunyun.member.domain.ActivityType;
import io.qunyun.member.persistence.Activity;

public record ActivityResponse(
        UUID activityId,
        UUID memberId,
        ActivityType type,
        UUID groupId,
        Instant occurredAt,
        String idempotencyKey,
        Instant recordedAt) {

    static ActivityResponse of(Activity activity) {
        return new ActivityResponse(activity.id, activity.memberId, activity.type, activity.groupId,
                activity.occurredAt, activity.idempotencyKey, activity.recordedAt);
    }
}
