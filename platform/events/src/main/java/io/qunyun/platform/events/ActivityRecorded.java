package io.qunyun.platform.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of {@code io.qunyun.member.activity.recorded.v1} on member-activities (docs/events.md). Published by
 * member-service, read by rules-service (Rewards) and campaign-service (group metrics). The context fields (streak,
 * campaign phase, tier, prior offences) and the attributes are optional: publishers that do not know them omit them.
 */
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
    public static final String TOPIC = "member-activities";

    /** An activity without context fields or attributes. */
    public ActivityRecorded(UUID activityId, UUID memberId, String type, UUID groupId, Instant occurredAt,
            String idempotencyKey) {
        this(activityId, memberId, type, groupId, occurredAt, idempotencyKey, null, null, null, null, null);
    }

    /** An activity with context fields, without attributes. */
    public ActivityRecorded(UUID activityId, UUID memberId, String type, UUID groupId, Instant occurredAt,
            String idempotencyKey, Integer streakDays, String campaignPhase, String memberTier, Integer priorOffences) {
        this(activityId, memberId, type, groupId, occurredAt, idempotencyKey, streakDays, campaignPhase, memberTier,
                priorOffences, null);
    }

    /** The amount travels as a decimal string: exact, whatever the consumer's number type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attributes(String product, String amount, String currency, String contentKind) {
    }
}
