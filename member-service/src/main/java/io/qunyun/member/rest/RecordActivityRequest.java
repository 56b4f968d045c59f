package io.qunyun.member.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.qunyun.member.domain.ActivityType;

/**
 * @param occurredAt RFC 3339 with an offset ("Z" or "+08:00"), so the instant is unambiguous; within
 *        qunyun.activities.max-future after and max-age before the service's clock
 * @param idempotencyKey the caller's request key: the same key with the same activity answers the original
 *        activity, with another activity 409
 * @param attributes optional facts (purchase: product, amount, currency; content: contentKind)
 */
public record RecordActivityRequest(
        @NotNull ActivityType type,
        UUID groupId,
        @NotNull OffsetDateTime occurredAt,
        @NotBlank @Size(max = 200) String idempotencyKey,
        @Valid ActivityAttributesRequest attributes) {
}
