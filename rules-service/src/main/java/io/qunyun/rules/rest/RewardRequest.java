package io.qunyun.rules.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.reward.ActivityType;

@Schema(description = "A member activity to evaluate against the Rewards table")
public record RewardRequest(
        @NotNull @Schema(required = true) ActivityType activityType,
        @Schema(description = "Present means the activity happened inside this group") UUID groupId,
        UUID activityId,
        UUID memberId,
        OffsetDateTime occurredAt) {
}
