package io.qunyun.platform.messaging;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.qunyun.platform.persistence.OutboxEvent;
import io.qunyun.platform.persistence.OutboxEventRepository;

/** Writes records to publish into the caller's transaction (transactional outbox). */
@ApplicationScoped
public class Outbox {

    private final OutboxEventRepository rows;
    private final Event<OutboxWritten> written;
    private final Clock clock;

    Outbox(OutboxEventRepository rows, Event<OutboxWritten> written, Clock clock) {
        this.rows = rows;
        this.written = written;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(OutboxMessage message) {
        rows.persist(rowOf(message));
        // Delivered to the relay only if (and after) this transaction commits.
        written.fire(new OutboxWritten(message.topic()));
    }

    /** Many records in one batch insert, published in list order (after what was enqueued before). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(java.util.List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        // rows persisted earlier in this transaction get their ids first: keeps publication order
        rows.flush();
        rows.insertAll(messages.stream().map(this::rowOf).toList());
        written.fire(new OutboxWritten(messages.get(0).topic()));
    }

    private OutboxEvent rowOf(OutboxMessage message) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = message.eventId();
        row.topic = message.topic();
        row.messageKey = message.key();
        row.payload = message.payload();
        row.createdAt = Instant.now(clock);
        row.traceParent = message.traceParent() != null ? message.traceParent() : TraceParent.current();
        return row;
    }
}
