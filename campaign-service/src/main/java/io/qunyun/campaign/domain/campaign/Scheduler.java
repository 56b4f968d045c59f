package io.qunyun.campaign.domain.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.qunyun.campaign.config.SchedulerConfig;

/**
 * Looks for due timeline rows every {@code qunyun.scheduler.interval} on every instance and fires
 * each through {@link StepRunner}, whose claim makes sure only one instance fires a row. Rows are
 * taken oldest first; a row that fails (e.g. member-service down) stays open and is tried again
 * on the next run, within its staleness window.
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class);

    private final Timeline timeline;
    private final StepRunner runner;
    private final TouchTactics tactics;
    private final SchedulerConfig config;
    private final Clock clock;
    // One run at a time per instance (periodic and /clock-triggered runs); instances compete by claims.
    private final ReentrantLock running = new ReentrantLock();

    Scheduler(Timeline timeline, StepRunner runner, TouchTactics tactics, SchedulerConfig config, Clock clock) {
        this.timeline = timeline;
        this.runner = runner;
        this.tactics = tactics;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "campaign-scheduler", every = "${qunyun.scheduler.interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodic() {
        runOnce();
    }

    /** Fires everything due now; returns the number of rows looked at. */
    public int runOnce() {
        running.lock();
        try {
            tactics.newRun();
            int seen = 0;
            // Each row at most once per run: one held by another instance is not waited for.
            java.util.Set<Long> attempted = new java.util.HashSet<>();
            while (true) {
                Instant now = clock.instant();
                List<Long> due = QuarkusTransaction.requiringNew()
                        .call(() -> timeline.dueStepIds(now, attempted, config.claimBatch()));
                if (due.isEmpty()) {
                    return seen;
                }
                for (long id : due) {
                    attempted.add(id);
                    try {
                        runner.fire(id);
                        seen++;
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Timeline row %d not fired, will retry on the next run", id);
                    }
                }
            }
        } finally {
            running.unlock();
        }
    }
}
