package io.qunyun.campaign.messaging;

import java.time.Instant;
import java.util.UUID;

/** Payload of io.qunyun.campaign.phase.changed.v1 (contract: campaign-phase-changed, key = group id). */
public record PhaseChanged(UUID campaignId, UUID groupId, String templateId, String templateVersion, String phase,
        String previousPhase, int day, Instant occurredAt) {

    public static final String EVENT_TYPE = "io.qunyun.campaign.phase.changed.v1";
}
