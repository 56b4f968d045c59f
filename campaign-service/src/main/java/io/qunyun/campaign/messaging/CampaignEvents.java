package io.qunyun.campaign.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.platform.messaging.Outbox;
import io.qunyun.platform.messaging.OutboxMessage;
import io.qunyun.campaign.domain.GroupChanges;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;
import io.qunyun.campaign.domain.campaign.Rows.StepRow;
import io.qunyun.campaign.domain.campaign.TimelineEvents;
import io.qunyun.campaign.domain.template.Template.Step;
import io.qunyun.platform.events.CloudEvent;
import io.qunyun.platform.events.GroupChanged;
import io.qunyun.platform.events.PhaseChanged;

/** Builds campaign-service's CloudEvents and writes them to the outbox of the caller's transaction. */
@ApplicationScoped
public class CampaignEvents implements GroupChanges, TimelineEvents {

    private final ObjectMapper json;
    private final Outbox outbox;

    CampaignEvents(ObjectMapper json, Outbox outbox) {
        this.json = json;
        this.outbox = outbox;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void groupChanged(GroupEntity g, Instant at) {
        var data = new GroupChanged(g.id, g.name, g.type, g.timeZone, g.screeningRequired, g.lifespanHours, g.state,
                g.successorGroupId, at);
        publish(Topics.GROUP_CHANGES, UUID.randomUUID(), GroupChanged.EVENT_TYPE, at, g.id.toString(), data);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void phaseChanged(CampaignRow campaign, UUID groupId, String phase, String previousPhase, int day,
            Instant occurredAt) {
        phaseChanged(new PhaseChanged(campaign.id(), groupId, campaign.templateId(), campaign.templateVersion(), phase,
                previousPhase, day, occurredAt));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void touchDue(UUID touchId, CampaignRow campaign, StepRow row, Step step, String metric, ZoneId zone,
            Instant occurredAt) {
        touchDue(new TouchDue(touchId, row.campaignId(), row.groupId(), campaign.templateId(),
                campaign.templateVersion(), row.stepId(), row.occurrence(), step.action().name(), row.phase(),
                row.day(), step.content(), step.ownerRole(), step.window(), metric, step.audience(), row.dueAt(),
                row.localDue(), zone.getId(), occurredAt));
    }

    /** The event id is derived from (campaign, group, phase): a repeated transition is one event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void phaseChanged(PhaseChanged data) {
        UUID id = UUID.nameUUIDFromBytes(("phase:" + data.campaignId() + ":" + data.groupId() + ":" + data.phase())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        publish(Topics.CAMPAIGN_PHASE_CHANGED, id, PhaseChanged.EVENT_TYPE, data.occurredAt(),
                data.groupId().toString(), data);
    }

    /** The event id is the touch id: consumers deduplicate redeliveries on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touchDue(TouchDue data) {
        publish(Topics.TOUCH_DUE, data.touchId(), TouchDue.EVENT_TYPE, data.occurredAt(), data.groupId().toString(),
                data);
    }

    private void publish(String topic, UUID id, String type, Instant time, String key, Object data) {
        var envelope = CloudEvent.of(EventSource.SOURCE, id.toString(), type, time, key, data);
        try {
            outbox.enqueue(new OutboxMessage(id, topic, key, json.writeValueAsString(envelope)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + type, e);
        }
    }
}
