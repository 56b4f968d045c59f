package io.qunyun.member.domain;

import java.time.Instant;
import java.util.UUID;

/** Port: publishes tier changes (implemented in messaging), in the caller's transaction (outbox). */
public interface TierPublisher {

    /** The member moved from {@code previousTier} to the decision's tier at {@code at}. */
    void changed(UUID memberId, String previousTier, TierDecision decision, Instant at);
}
