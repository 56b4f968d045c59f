package io.qunyun.campaign.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.qunyun.campaign.persistence.OutboxEvent;
import io.qunyun.campaign.persistence.OutboxEventRepository;

/** Writes records to publish into the caller's transaction (transactional outbox). */
@ApplicationScoped
public class Outbox {

    private final OutboxEventRepository rows;
    private final Event<OutboxWritten> written;
    private final java.time.Clock clock;

    Outbox(OutboxEventRepository rows, Event<OutboxWritten> written, java.time.Clock clock) {
        this.rows = rows;
        this.written = written;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(OutboxMessage message) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = message.eventId();
        row.topic = message.topic();
        row.messageKey = message.key();
        row.payload = message.payload();
        row.createdAt = clock.instant();
        row.traceParent = TraceParent.current();
        rows.persist(row);
        // Delivered to the relay only if (and after) this transaction commits.
        written.fire(new OutboxWritten(message.topic()));
    }
}
