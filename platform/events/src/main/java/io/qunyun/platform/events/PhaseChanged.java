package io.qunyun.platform.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Payload of {@code io.qunyun.campaign.phase.changed.v1} on campaign-phase-changed (key = group id). Published by
 * campaign-service; member-service keeps each group's current phase from it (the constraints are its columns).
 */
public record PhaseChanged(
        @NotNull(message = "is missing") UUID campaignId,
        @NotNull(message = "is missing") UUID groupId,
        String templateId,
        String templateVersion,
        @NotBlank(message = "is missing or blank") @Size(max = 32) @Pattern(regexp = RewardDecided.NO_NUL,
                message = RewardDecided.NUL_MESSAGE) String phase,
        String previousPhase,
        Integer day,
        @NotNull(message = "is missing") Instant occurredAt) {

    public static final String EVENT_TYPE = "io.qunyun.campaign.phase.changed.v1";
    public static final String TOPIC = "campaign-phase-changed";
}
