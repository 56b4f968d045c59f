package io.qunyun.platform.messaging;

import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Which emitter publishes an outbox row of a given topic: the one service-specific part of the relay (a
 * service bean, since emitters are injected by channel name). One channel may serve several topics (the
 * record's metadata names its topic) or each topic may have its own.
 */
public interface OutboxChannels {

    /** @return the emitter for {@code topic}, or null when the service publishes no such topic */
    Emitter<String> emitterFor(String topic);
}
