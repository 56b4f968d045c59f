package io.qunyun.rules.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.reward.ActivityType;
import io.qunyun.rules.domain.reward.CampaignPhase;
import io.qunyun.rules.domain.reward.RewardContext;

@Schema(description = "A member activity to evaluate against the Rewards table; every context field is optional")
public record RewardRequest(
        @NotNull @Schema(required = true) ActivityType activityType,
        @Schema(description = "Present means the activity happened inside this group") UUID groupId,
        UUID activityId,
        UUID memberId,
        OffsetDateTime occurredAt,
        @PositiveOrZero @Schema(description = "Check-in streak length in days (7/14/21-day challenges)") Integer streakDays,
        @Schema(description = "Phase of the running campaign, if any") CampaignPhase campaignPhase,
        @Size(max = 64) @Schema(description = "The member's tier name (Tiers table), if known") String memberTier,
        @PositiveOrZero @Schema(description = "Forbidden behaviours the member committed before (default 0)") Integer priorOffences) {

    public RewardContext context() {
        return new RewardContext(activityType.name(), groupId != null, streakDays,
                campaignPhase == null ? null : campaignPhase.name(), memberTier == null || memberTier.isBlank() ? null : memberTier.trim(),
                priorOffences == null ? 0 : priorOffences);
    }
}
