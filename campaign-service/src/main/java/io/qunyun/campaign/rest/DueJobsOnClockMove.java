package io.qunyun.campaign.rest;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.qunyun.campaign.domain.campaign.Scheduler;
import io.qunyun.campaign.domain.lifecycle.LifecycleJob;
import io.qunyun.platform.clock.ClockMoved;

/**
 * After PUT /clock or POST /clock/advance, runs the scheduler and the lifecycle job once before the answer:
 * the outcome of a jump is visible at once; the periodic runs would do the same a moment later.
 */
@Singleton
public class DueJobsOnClockMove {

    private final Scheduler scheduler;
    private final LifecycleJob lifecycle;

    DueJobsOnClockMove(Scheduler scheduler, LifecycleJob lifecycle) {
        this.scheduler = scheduler;
        this.lifecycle = lifecycle;
    }

    void run(@Observes ClockMoved moved) {
        scheduler.runOnce();
        lifecycle.runOnce();
    }
}
