package io.qunyun.member.messaging;

import io.qunyun.platform.messaging.Outbox;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.member.domain.Membership;
import io.qunyun.member.domain.MembershipPublisher;
import io.qunyun.platform.events.MembershipChanged;

/** The domain's {@link MembershipPublisher}: membership-events and member-stage-changes records into the outbox. */
@ApplicationScoped
public class MembershipEventsAdapter implements MembershipPublisher {

    private final MembershipEvents events;
    private final Outbox outbox;

    MembershipEventsAdapter(MembershipEvents events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
    }

    @Override
    public void joined(Membership membership, Instant at) {
        outbox.enqueue(events.joined(membership, at));
    }

    @Override
    public void ended(Membership membership) {
        outbox.enqueue(events.ended(membership));
    }

    @Override
    public void changed(Membership membership, List<Change> changes, Instant at) {
        outbox.enqueue(events.changed(membership, changes.stream()
                .map(c -> new MembershipChanged.Change(c.field(), c.from(), c.to(), c.decidedBy())).toList(), at));
    }

    @Override
    public void stageChanged(Membership membership, String previousStage, String decidedBy, String tableVersion,
            Instant at) {
        outbox.enqueue(events.stageChanged(membership, previousStage, decidedBy, tableVersion, at));
    }
}
