package io.qunyun.member.messaging;

import io.qunyun.platform.messaging.TraceParent;
import io.qunyun.platform.messaging.OutboxMessage;
import io.qunyun.platform.messaging.Outbox;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.member.domain.ActivityPublisher;

/** The domain's {@link ActivityPublisher}: member-activities records into the outbox. */
@ApplicationScoped
public class ActivityEventsAdapter implements ActivityPublisher {

    private final ActivityRecordedEvents events;
    private final Outbox outbox;

    ActivityEventsAdapter(ActivityRecordedEvents events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
    }

    @Override
    public void recorded(List<Traced> activities) {
        outbox.enqueueAll(activities.stream().map(this::message).toList());
    }

    private OutboxMessage message(Traced traced) {
        OutboxMessage event = events.recorded(traced.activity());
        return traced.traceParent() == null ? event : event.withTraceParent(traced.traceParent());
    }

    @Override
    public String currentTraceParent() {
        return TraceParent.current();
    }
}
