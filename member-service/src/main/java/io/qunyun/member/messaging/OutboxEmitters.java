package io.qunyun.member.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.qunyun.platform.messaging.OutboxChannels;

/**
 * member-service publishes every outbox topic through one channel (member-activities): each record's metadata
 * names its topic, so one producer serves them all.
 */
@ApplicationScoped
class OutboxEmitters implements OutboxChannels {

    private final Emitter<String> emitter;

    OutboxEmitters(@Channel("member-activities") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public Emitter<String> emitterFor(String topic) {
        return emitter;
    }
}
