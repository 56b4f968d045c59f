package io.qunyun.member.messaging;

import io.qunyun.platform.messaging.Outbox;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.member.domain.GrowthPublisher;
import io.qunyun.member.domain.Member;

/** The domain's {@link GrowthPublisher}: member-growth records into the outbox. */
@ApplicationScoped
public class GrowthEventsAdapter implements GrowthPublisher {

    private final MemberGrowthEvents events;
    private final Outbox outbox;

    GrowthEventsAdapter(MemberGrowthEvents events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
    }

    @Override
    public void changed(List<Member> members, Instant now) {
        outbox.enqueueAll(members.stream().map(member -> events.changed(member, now)).toList());
    }
}
