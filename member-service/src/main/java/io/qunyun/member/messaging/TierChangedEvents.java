package io.qunyun.member.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qunyun.platform.events.CloudEvent;

import io.qunyun.platform.messaging.OutboxMessage;

/** io.qunyun.member.tier.changed.v1 on member-stage-changes (key = member id). */
@ApplicationScoped
public class TierChangedEvents {

    public static final String TOPIC = "member-stage-changes";
    public static final String EVENT_TYPE = "io.qunyun.member.tier.changed.v1";

    public record TierChanged(UUID memberId, String tier, @JsonInclude(JsonInclude.Include.ALWAYS) String previousTier,
            String benefits, UUID decisionId, Long growthValue, String table, String tableVersion, Instant occurredAt) {
    }

    private final ObjectMapper json;

    TierChangedEvents(ObjectMapper json) {
        this.json = json;
    }

    /** The event id is derived from the decision id: one applied decision, one event, however often re-sent. */
    public OutboxMessage changed(TierChanged data) {
        UUID eventId = UUID.nameUUIDFromBytes(("tier-changed:" + data.decisionId()).getBytes(StandardCharsets.UTF_8));
        String key = data.memberId().toString();
        var envelope = CloudEvent.of(EventSource.SOURCE, eventId.toString(), EVENT_TYPE, data.occurredAt(), key, data);
        try {
            return new OutboxMessage(eventId, TOPIC, key, json.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + EVENT_TYPE, e);
        }
    }
}
