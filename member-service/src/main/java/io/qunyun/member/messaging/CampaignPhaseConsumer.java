package io.qunyun.member.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import io.qunyun.platform.messaging.DeadLetters;
import io.qunyun.platform.messaging.StoreRetry;
import io.qunyun.member.persistence.CampaignPhaseRepository;
import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.InvalidEventException;
import io.qunyun.platform.events.PhaseChanged;

/**
 * campaign-phase-changed → each group's current phase, sent as campaignPhase with the group's
 * activities. Idempotent (an upsert that keeps the newest occurredAt); a record that can never be
 * stored goes to campaign-phase-changed-dlq with the reason ({@link DeadLetters}); while the database is
 * down the record waits in {@link StoreRetry}, never skipped.
 */
@ApplicationScoped
public class CampaignPhaseConsumer {

    public static final String TOPIC = "campaign-phase-changed";
    public static final String EVENT_TYPE = PhaseChanged.EVENT_TYPE;

    /** A parsed phase change. */
    record PhaseChange(String eventId, UUID groupId, UUID campaignId, String phase, Integer day, Instant occurredAt) {
    }

    private final CloudEventReader reader;
    private final CampaignPhaseRepository phases;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final StoreRetry retry;

    CampaignPhaseConsumer(CloudEventReader reader, CampaignPhaseRepository phases, DeadLetters deadLetters, Clock clock,
            StoreRetry retry) {
        this.retry = retry;
        this.reader = reader;
        this.phases = phases;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Incoming(TOPIC)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        PhaseChange change;
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

    /** @throws InvalidEventException with the dead-letter reason */
    PhaseChange parse(byte[] value) {
        CloudEventReader.Envelope envelope = reader.envelope(value, EVENT_TYPE, false);
        PhaseChanged data = reader.data(envelope, PhaseChanged.class, "campaign phase change");
        return new PhaseChange(envelope.requireId(), data.groupId(), data.campaignId(), data.phase(), data.day(),
                data.occurredAt());
    }
}
