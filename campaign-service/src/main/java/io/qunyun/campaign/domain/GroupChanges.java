package io.qunyun.campaign.domain;

import java.time.Instant;

/**
 * Announces a group's new state to the other services (a port: messaging writes the event to the
 * outbox of the caller's transaction, so it is sent if and only if the change commits).
 */
public interface GroupChanges {

    void groupChanged(GroupEntity group, Instant at);
}
