package io.qunyun.member.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Payload of io.qunyun.member.activity.recorded.v1; optional fields are left out when absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityRecorded(
        UUID activityId,
        UUID memberId,
        String type,
        UUID groupId,
        Instant occurredAt,
        String idempotencyKey) {

    public static final String EVENT_TYPE = "io.qunyun.member.activity.recorded.v1";
}
