package io.qunyun.campaign.domain.lifecycle;

import java.time.Instant;
import java.util.UUID;

import io.qunyun.campaign.domain.lifecycle.GroupMetricsService.WindowMetrics;
import io.qunyun.campaign.domain.lifecycle.LifecycleActions.Action;

/**
 * What the lifecycle announces: metrics windows (rules-service decides a group's health from them) and
 * lifecycle state changes (a port: messaging writes them to the outbox of the caller's transaction).
 */
public interface GroupLifecycleEvents {

    void metricsReported(UUID eventId, WindowMetrics metrics, Instant at);

    /** The group went from one lifecycle state to another because of this action. */
    void stateChanged(UUID groupId, String from, String to, Action action, Instant at);
}
