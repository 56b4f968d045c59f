package io.qunyun.member.messaging;

import io.qunyun.platform.messaging.Outbox;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.member.domain.TierDecision;
import io.qunyun.member.domain.TierPublisher;

/** The domain's {@link TierPublisher}: tier-changed records into the outbox. */
@ApplicationScoped
public class TierEventsAdapter implements TierPublisher {

    private final TierChangedEvents events;
    private final Outbox outbox;

    TierEventsAdapter(TierChangedEvents events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
    }

    @Override
    public void changed(UUID memberId, String previousTier, TierDecision decision, Instant at) {
        outbox.enqueue(events.changed(new TierChangedEvents.TierChanged(memberId, decision.tier(), previousTier,
                decision.benefits(), decision.decisionId(), decision.growthValue(), decision.table(),
                decision.tableVersion(), at)));
    }
}
