package io.qunyun.rules.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.reward.ActivityType;
import io.qunyun.rules.domain.tier.Tier;

@Schema(description = "An activity type and the member's tier, to ask for the credit cap, growth input and points expiry")
public record PointsPolicyRequest(
        @NotNull @Schema(required = true) ActivityType activityType,
        @Schema(description = "The member's tier; absent = none yet") Tier memberTier) {
}
