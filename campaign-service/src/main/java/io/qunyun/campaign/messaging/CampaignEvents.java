package io.qunyun.campaign.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.campaign.persistence.GroupEntity;
import io.qunyun.platform.events.CloudEvent;
import io.qunyun.platform.events.GroupChanged;
import io.qunyun.platform.events.PhaseChanged;

/** Builds campaign-service's CloudEvents and writes them to the outbox of the caller's transaction. */
@ApplicationScoped
public class CampaignEvents {

    private final ObjectMapper json;
    private final Outbox outbox;

    CampaignEvents(ObjectMapper json, Outbox outbox) {
        this.json = json;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void groupChanged(GroupEntity g, Instant at) {
        var data = new GroupChanged(g.id, g.name, g.type, g.timeZone, g.screeningRequired, g.lifespanHours, g.state,
                g.successorGroupId, at);
        publish(Topics.GROUP_CHANGES, UUID.randomUUID(), GroupChanged.EVENT_TYPE, at, g.id.toString(), data);
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
