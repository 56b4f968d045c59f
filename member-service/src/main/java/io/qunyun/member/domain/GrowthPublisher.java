package io.qunyun.member.domain;

import java.time.Instant;
import java.util.List;

/** Port: publishes member-growth records (implemented in messaging), in the caller's transaction (outbox). */
public interface GrowthPublisher {

    /** One record per member, in list order, in one batch: the member's growth as stored now. */
    void changed(List<Member> members, Instant now);
}
