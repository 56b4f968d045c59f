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
        String idempotencyKey,
        Integer streakDays,
        String campaignPhase,
        String memberTier,
        Integer priorOffences,
        Attributes attributes) {

    public static final String EVENT_TYPE = "io.qunyun.member.activity.recorded.v1";

    /** The amount travels as a decimal string: exact, whatever the consumer's number type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attributes(String product, String amount, String currency, String contentKind) {
    }
}
