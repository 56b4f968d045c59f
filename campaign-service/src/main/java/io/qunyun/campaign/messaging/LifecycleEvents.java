package io.qunyun.campaign.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.platform.messaging.Outbox;
import io.qunyun.platform.messaging.OutboxMessage;
import io.qunyun.campaign.domain.lifecycle.GroupLifecycleEvents;
import io.qunyun.campaign.domain.lifecycle.GroupMetricsService.WindowMetrics;
import io.qunyun.campaign.domain.lifecycle.LifecycleActions.Action;
import io.qunyun.platform.events.CloudEvent;
import io.qunyun.platform.events.GroupMetricsReported;

/** group-metrics and group-lifecycle events, written to the outbox of the caller's transaction. */
@ApplicationScoped
public class LifecycleEvents implements GroupLifecycleEvents {

    private final ObjectMapper json;
    private final Outbox outbox;

    LifecycleEvents(ObjectMapper json, Outbox outbox) {
        this.json = json;
        this.outbox = outbox;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void metricsReported(UUID eventId, WindowMetrics m, Instant at) {
        var data = new GroupMetricsReported(m.groupId(), m.groupType(), m.messagesPerDay(), m.activeMemberRatio(),
                m.checkInRate(), m.conversions(), m.ageHours(), m.lifespanHours(), m.primaryMetric(), m.campaignAgeHours(),
                m.from(), m.to(),
                m.members(), m.revenue().toPlainString(), m.joins(), m.exits(), m.spamRate());
        publish(Topics.GROUP_METRICS, eventId, GroupMetricsReported.EVENT_TYPE, at, m.groupId().toString(), data);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void stateChanged(UUID groupId, String from, String to, Action action, Instant at) {
        stateChanged(new GroupStateChanged(groupId, from, to, action.id(), action.cause(), action.verdict(),
                action.decidedBy(), action.table(), action.tableVersion(), action.firedRules(),
                action.successorGroupId(), at));
    }

    /** The event id is derived from (group, action, new state): a repeated change is one event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stateChanged(GroupStateChanged data) {
        UUID id = UUID.nameUUIDFromBytes(("group-state:" + data.groupId() + ":" + data.actionId() + ":" + data.to())
                .getBytes(StandardCharsets.UTF_8));
        publish(Topics.GROUP_LIFECYCLE, id, GroupStateChanged.EVENT_TYPE, data.occurredAt(),
                data.groupId().toString(), data);
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
