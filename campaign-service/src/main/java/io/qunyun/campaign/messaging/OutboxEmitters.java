package io.qunyun.campaign.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.qunyun.platform.messaging.OutboxChannels;

/** campaign-service publishes each outbox topic through its own channel, named as the topic. */
@ApplicationScoped
class OutboxEmitters implements OutboxChannels {

    private final Map<String, Emitter<String>> emitters;

    OutboxEmitters(@Channel(Topics.GROUP_CHANGES) Emitter<String> groupChanges,
            @Channel(Topics.CAMPAIGN_PHASE_CHANGED) Emitter<String> phaseChanged,
            @Channel(Topics.TOUCH_DUE) Emitter<String> touchDue,
            @Channel(Topics.GROUP_METRICS) Emitter<String> groupMetrics,
            @Channel(Topics.GROUP_LIFECYCLE) Emitter<String> groupLifecycle) {
        this.emitters = Map.of(Topics.GROUP_CHANGES, groupChanges, Topics.CAMPAIGN_PHASE_CHANGED, phaseChanged,
                Topics.TOUCH_DUE, touchDue, Topics.GROUP_METRICS, groupMetrics, Topics.GROUP_LIFECYCLE, groupLifecycle);
    }

    @Override
    public Emitter<String> emitterFor(String topic) {
        return emitters.get(topic);
    }
}
