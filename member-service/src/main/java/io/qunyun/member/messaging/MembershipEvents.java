package io.qunyun.member.messaging;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.platform.messaging.OutboxMessage;
import io.qunyun.member.domain.Membership;
import io.qunyun.platform.events.CloudEvent;
import io.qunyun.platform.events.MembershipChanged;

/** Turns membership changes into membership-events and member-stage-changes records for the outbox. */
@ApplicationScoped
public class MembershipEvents {

    public static final String TOPIC = "membership-events";
    public static final String STAGE_TOPIC = "member-stage-changes";

    private final ObjectMapper json;

    MembershipEvents(ObjectMapper json) {
        this.json = json;
    }

    public OutboxMessage joined(Membership m, Instant at) {
        return membership(MembershipChanged.JOINED, data(m, null, null, null, null, at), m);
    }

    public OutboxMessage ended(Membership m) {
        return membership(MembershipChanged.ENDED,
                data(m, m.leftAt, m.exitKind.name(), m.exitReason, null, m.leftAt), m);
    }

    public OutboxMessage changed(Membership m, List<MembershipChanged.Change> changes, Instant at) {
        return membership(MembershipChanged.CHANGED, data(m, null, null, null, changes, at), m);
    }

    public OutboxMessage stageChanged(Membership m, String previousStage, String decidedBy, String tableVersion,
            Instant at) {
        var data = new StageChanged(m.id, m.memberId, m.groupId, m.stage.name(), previousStage, decidedBy,
                "MemberStanding", tableVersion, at);
        return message(STAGE_TOPIC, m.memberId.toString(), StageChanged.EVENT_TYPE, at, m.memberId.toString(), data);
    }

    private static MembershipChanged data(Membership m, Instant endedAt, String exitKind, String reason,
            List<MembershipChanged.Change> changes, Instant at) {
        return new MembershipChanged(m.id, m.memberId, m.groupId, Arrays.asList(m.roles), m.staff, m.layer.name(),
                m.stage.name(), m.activityState.name(), m.joinedAt, endedAt, exitKind, reason, changes, at);
    }

    private OutboxMessage membership(String type, MembershipChanged data, Membership m) {
        // key = group id: consumers (campaign-service) keep a group's membership changes in order
        return message(TOPIC, m.groupId.toString(), type, data.occurredAt(), m.memberId.toString(), data);
    }

    private OutboxMessage message(String topic, String key, String type, Instant time, String subject, Object data) {
        UUID eventId = UUID.randomUUID();
        var envelope = CloudEvent.of(EventSource.SOURCE, eventId.toString(), type, time, subject, data);
        try {
            return new OutboxMessage(eventId, topic, key, json.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + type, e);
        }
    }
}
