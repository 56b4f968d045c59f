package io.qunyun.platform.messaging;

import java.util.UUID;

/**
 * A record to publish once the current transaction commits. {@code traceParent}: the trace the record
 * continues; null = the trace of the writing thread (set when the write happens away from the request
 * that caused it, e.g. activities written together by the intake).
 */
public record OutboxMessage(UUID eventId, String topic, String key, String payload, String traceParent) {

    public OutboxMessage(UUID eventId, String topic, String key, String payload) {
        this(eventId, topic, key, payload, null);
    }

    public OutboxMessage withTraceParent(String parent) {
        return new OutboxMessage(eventId, topic, key, payload, parent);
    }
}
