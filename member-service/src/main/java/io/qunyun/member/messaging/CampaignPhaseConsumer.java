package io.qunyun.member.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import io.qunyun.platform.messaging.DeadLetters;
import io.qunyun.platform.messaging.StoreRetry;
import io.qunyun.member.persistence.CampaignPhaseRepository;

/**
 * campaign-phase-changed → each group's current phase, sent as campaignPhase with the group's
 * activities. Idempotent (an upsert that keeps the newest occurredAt); a record that can never be
 * stored goes to campaign-phase-changed-dlq with the reason ({@link DeadLetters}); while the database is
 * down the record waits in {@link StoreRetry}, never skipped.
 */
@ApplicationScoped
public class CampaignPhaseConsumer {

    public static final String TOPIC = "campaign-phase-changed";
    public static final String EVENT_TYPE = "io.qunyun.campaign.phase.changed.v1";

    /** A parsed phase change. */
    record PhaseChanged(String eventId, UUID groupId, UUID campaignId, String phase, Integer day, Instant occurredAt) {
    }

    private final ObjectMapper json;
    private final CampaignPhaseRepository phases;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final StoreRetry retry;

    CampaignPhaseConsumer(ObjectMapper json, CampaignPhaseRepository phases, DeadLetters deadLetters, Clock clock,
            StoreRetry retry) {
        this.retry = retry;
        this.json = json;
        this.phases = phases;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Incoming(TOPIC)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        PhaseChanged change;
        try {
            change = parse(record.value());
        } catch (InvalidEventException e) {
            deadLetters.deliver(record, e.getMessage(), e.getCause());
            return;
        }
        retry.run("campaign phase of group " + change.groupId(), () -> QuarkusTransaction.requiringNew().run(
                () -> phases.upsertIfNewer(change.groupId(), change.campaignId(), change.phase(), change.day(),
                        change.occurredAt(), change.eventId(), Instant.now(clock))));
    }

    PhaseChanged parse(byte[] value) throws InvalidEventException {
        JsonNode envelope = EventReader.envelope(json, value, EVENT_TYPE);
        JsonNode data = envelope.get("data");
        String phase = EventReader.text(data, "phase", true);
        if (phase.isBlank() || phase.length() > 32) {
            throw new InvalidEventException("phase is blank or longer than 32 characters");
        }
        return new PhaseChanged(EventReader.text(envelope, "id", true), EventReader.uuid(data, "groupId", true),
                EventReader.uuid(data, "campaignId", true), phase, EventReader.integer(data, "day", false),
                EventReader.instant(data, "occurredAt", true));
    }
}
