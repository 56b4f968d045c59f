package io.qunyun.member.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.qunyun.member.config.ActivitiesConfig;
import io.qunyun.member.domain.ActivityService.NewActivity;

/**
 * Writes single activities that arrive together in one transaction (group commit in the application).
 * <p>
 * Why: one transaction per request cost member-service and PostgreSQL a commit, a members read, an insert
 * and an outbox insert for every activity, and the single endpoint accepted a few hundred activities a
 * second on this machine (docs/performance-log.md, "REST ingestion"). Here each writer thread takes every
 * activity waiting (up to {@code qunyun.activities.intake-batch-size}) and records them with
 * {@link ActivityService#recordAll}: the same rules, statements and outbox as the batch endpoint.
 * <p>
 * What a caller gets is unchanged: its answer comes only after the transaction holding its activity
 * committed (an accepted activity is never lost, its event is in the outbox); a key used before answers
 * the original activity, also when the other request was in the same transaction; an unknown member is
 * a {@link MemberNotFoundException}. A failure that belongs to one activity (a key reused for another
 * activity, a date outside the bounds) must not fail the others written with it: when a shared write
 * fails with such a failure, each of its activities is recorded again on its own, and each caller gets
 * its own answer. Any other failure (the database is down) fails every caller of that write, as it
 * would have failed each of them alone.
 */
@ApplicationScoped
public class ActivityIntake {

    private static final Logger LOG = Logger.getLogger(ActivityIntake.class);

    private record Waiting(NewActivity activity, CompletableFuture<RecordedActivity> answer) {
    }

    private final ActivityService activities;
    private final ActivitiesConfig config;
    private final ActivityPublisher events;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    ActivityIntake(ActivityService activities, ActivitiesConfig config, ActivityPublisher events) {
        this.events = events;
        this.activities = activities;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        for (int i = 0; i < Math.max(1, config.intakeWriters()); i++) {
            Thread writer = new Thread(this::write, "activity-intake-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        // each writer finishes the write it is in (a JDBC call is not interruptible) and then stops polling
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // what arrived meanwhile is written here, while the database is still there
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            write(left);
        }
    }

    /**
     * Queues the activity for the next shared write. The date bounds are checked at once, so that a date
     * outside them is refused before anything is queued.
     */
    public CompletionStage<RecordedActivity> record(NewActivity activity) {
        activities.checkBounds(activity);
        if (!running) {
            return CompletableFuture.failedFuture(new IntakeStoppedException());
        }
        // a caller racing with stop() may queue after its final drain: it then waits for its own timeout
        CompletableFuture<RecordedActivity> answer = new CompletableFuture<>();
        // the event continues the caller's trace, not the writer thread's (null when tracing is off)
        String trace = activity.traceParent() != null ? activity.traceParent() : events.currentTraceParent();
        queue.add(new Waiting(trace == null ? activity : activity.withTraceParent(trace), answer));
        return answer;
    }

    private void write() {
        int max = Math.max(1, config.intakeBatchSize());
        List<Waiting> batch = new ArrayList<>(max);
        while (running) {
            try {
                Waiting first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, max - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // write(batch) answers every caller itself; this is a defect in that code, not in a write
                LOG.error("Activity intake failed to answer a batch", e);
                batch.forEach(w -> w.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Waiting> batch) {
        List<Optional<RecordedActivity>> results;
        try {
            results = activities.recordAll(batch.stream().map(Waiting::activity).toList());
        } catch (IdempotencyKeyReusedException | InvalidRequestException oneOfThem) {
            // each alone: the failing one fails again, named for a single request (no activities[i] prefix)
            batch.forEach(this::writeAlone);
            return;
        } catch (RuntimeException all) {
            batch.forEach(w -> w.answer().completeExceptionally(all));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            answer(batch.get(i), results.get(i));
        }
    }

    private void writeAlone(Waiting waiting) {
        NewActivity a = waiting.activity();
        try {
            answer(waiting, activities.recordOne(a));
        } catch (RuntimeException e) {
            waiting.answer().completeExceptionally(e);
        }
    }

    private static void answer(Waiting waiting, Optional<RecordedActivity> result) {
        result.ifPresentOrElse(waiting.answer()::complete, () -> waiting.answer()
                .completeExceptionally(new MemberNotFoundException(waiting.activity().memberId())));
    }

    /** The service is stopping: the activity was not written (503, the caller sends it again). */
    public static class IntakeStoppedException extends RuntimeException {
        public IntakeStoppedException() {
            super("member-service is stopping; the activity was not recorded, send it again");
        }
    }
}
