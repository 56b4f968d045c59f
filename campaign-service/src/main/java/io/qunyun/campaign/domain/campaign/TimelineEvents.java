package io.qunyun.campaign.domain.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;
import io.qunyun.campaign.domain.campaign.Rows.StepRow;
import io.qunyun.campaign.domain.template.Template.Step;

/**
 * What the timeline announces: phase changes and due group touches (a port: messaging writes them to
 * the outbox of the caller's transaction, so an event is sent if and only if the row's outcome commits).
 */
public interface TimelineEvents {

    /** A group of the campaign entered a phase (the same transition twice is one event). */
    void phaseChanged(CampaignRow campaign, UUID groupId, String phase, String previousPhase, int day,
            Instant occurredAt);

    /** A group touch is due: its id is the event id, so consumers deduplicate redeliveries on it. */
    void touchDue(UUID touchId, CampaignRow campaign, StepRow row, Step step, String metric, ZoneId zone,
            Instant occurredAt);
}
