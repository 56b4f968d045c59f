package io.qunyun.member.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: publishes membership-events and member-stage-changes records (implemented in messaging), in the
 * caller's transaction (outbox).
 */
public interface MembershipPublisher {

    /**
     * One changed field: {@code layer}, {@code activityState} or {@code roles}, with the values before and
     * after and the decision-table row that decided it (null for role changes).
     */
    record Change(String field, Object from, Object to, String decidedBy) {
    }

    void joined(Membership membership, Instant at);

    void ended(Membership membership);

    void changed(Membership membership, List<Change> changes, Instant at);

    void stageChanged(Membership membership, String previousStage, String decidedBy, String tableVersion, Instant at);
}
