package io.qunyun.member.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.qunyun.member.domain.ActivityType;

/**
 * @param occurredAt RFC 3339 with an offset ("Z" or "+08:00"), so the instant is unambiguous
 * @param idempotencyKey the caller's request key: the same key again answers the original activity
 * @param attributes optional facts (purchase: product, amount, currency; content: contentKind)
 */
public record RecordActivityRequest(
        @NotNull ActivityType type,
        UUID groupId,
        @NotNull OffsetDateTime occurredAt,
        @NotBlank @Size(max = 200) String idempotencyKey,
        @Valid ActivityAttributesRequest attributes) {
}
