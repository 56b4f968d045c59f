package io.qunyun.member.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.platform.messaging.OutboxMessage;
import io.qunyun.member.domain.Member;
import io.qunyun.platform.events.CloudEvent;

/** io.qunyun.member.growth.changed.v1 on member-growth: the Tiers table's inputs of one member. */
@ApplicationScoped
public class MemberGrowthEvents {

    public static final String TOPIC = "member-growth";
    public static final String EVENT_TYPE = "io.qunyun.member.growth.changed.v1";

    /** Payload; field names are the Tiers request's (rules-service binds the data to it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberGrowthChanged(UUID memberId, int purchases, int contentPoints, int behaviourPoints,
            String currentTier) {
    }

    private final ObjectMapper json;

    MemberGrowthEvents(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The member's growth over the points that have not expired (the window of the Tiers inputs is the
     * validity of points, set by the PointsExpiry table). Penalties can take a sum below zero; the
     * Tiers inputs are never negative, so it is sent as 0.
     */
    public OutboxMessage changed(Member member, Instant now) {
        var data = new MemberGrowthChanged(member.id, clamp(member.growthPurchases), clamp(member.growthContentPoints),
                clamp(member.growthBehaviourPoints), member.tier);
        UUID eventId = UUID.randomUUID();
        String key = member.id.toString();
        var envelope = CloudEvent.of(EventSource.SOURCE, eventId.toString(), EVENT_TYPE, now, key, data);
        try {
            return new OutboxMessage(eventId, TOPIC, key, json.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + EVENT_TYPE, e);
        }
    }

    private static int clamp(long value) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
    }
}
