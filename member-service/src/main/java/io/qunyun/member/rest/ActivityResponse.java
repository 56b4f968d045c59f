package io.qunyun.member.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.qunyun.member.domain.ActivityType;
import io.qunyun.member.domain.Activity;

/** An activity with the Rewards context it was published with; absent optional fields are left out. */
public record ActivityResponse(
        UUID activityId,
        UUID memberId,
        ActivityType type,
        UUID groupId,
        Instant occurredAt,
        String idempotencyKey,
        Instant recordedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Attributes attributes,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer streakDays,
        @JsonInclude(JsonInclude.Include.NON_NULL) String campaignPhase,
        @JsonInclude(JsonInclude.Include.NON_NULL) String memberTier,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer priorOffences) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attributes(String product, String amount, String currency, String contentKind) {
    }

    static ActivityResponse of(Activity activity) {
        Attributes attributes = activity.product == null && activity.amount == null && activity.currency == null
                && activity.contentKind == null ? null
                        : new Attributes(activity.product,
                                activity.amount == null ? null : activity.amount.stripTrailingZeros().toPlainString(),
                                activity.currency, activity.contentKind);
        return new ActivityResponse(activity.id, activity.memberId, activity.type, activity.groupId,
                activity.occurredAt, activity.idempotencyKey, activity.recordedAt, attributes, activity.streakDays,
                activity.campaignPhase, activity.memberTier, activity.priorOffences);
    }
}
