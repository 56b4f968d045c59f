package io.qunyun.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import io.qunyun.platform.persistence.OutboxEvent;
import io.qunyun.platform.persistence.OutboxEventRepository;

/**
 * Publishes outbox rows to Kafka, oldest first, and deletes them only after the broker acknowledged
 * them: at least once, in order per key. Woken right after each commit that wrote rows, and by a
 * periodic sweep for rows no wake-up reached (e.g. the process died between commit and send).
 * Which emitter sends a topic is the service's {@link OutboxChannels}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxEventRepository rows;
    private final OutboxChannels channels;
    private final OutboxConfig config;
    private final AtomicLong pendingRows = new AtomicLong();
    private final io.micrometer.core.instrument.Counter failedRuns;
    private final AtomicBoolean runQueued = new AtomicBoolean();
    private static final long COUNT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private long lastCount = System.nanoTime() - COUNT_EVERY_NANOS; // only the relay's one thread touches it
    // One thread: runs never overlap within this instance, and wake-ups never block a request.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRelay(OutboxEventRepository rows, OutboxChannels channels, OutboxConfig config, MeterRegistry registry) {
        this.rows = rows;
        this.channels = channels;
        this.config = config;
        Gauge.builder("outbox.pending.rows", pendingRows, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka (the span of their ids), as of the relay's last run")
                .register(registry);
        failedRuns = io.micrometer.core.instrument.Counter.builder("outbox.relay.failures")
                .description("Relay runs that failed and left their rows for a retry")
                .register(registry);
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        requestRun();
    }

    // Skipped until startup completed: the emitter is wired during startup.
    @Scheduled(identity = "outbox-sweep", every = "${qunyun.outbox.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        requestRun();
    }

    /** Queues a run unless one is already queued; a run in progress is followed by the queued one. */
    public void requestRun() {
        if (runQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                runQueued.set(false);
            }
        }
    }

    /** Relay runs that failed since startup (also the counter's value). */
    public long failedRuns() {
        return (long) failedRuns.count();
    }

    /** Rows waiting for publication, as counted after the last relay run (also the gauge's value). */
    public long pendingRows() {
        return pendingRows.get();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void drain() {
        // Cleared first: a commit during this run queues the next run instead of being lost.
        runQueued.set(false);
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew()
                        .timeout(Math.toIntExact(config.sendTimeout().toSeconds() + 30))
                        .call(this::publishOldestBatch);
            } while (published == config.batchSize());
            // A count(*) of the whole table after every run cost as much as the run under a backlog: the gauge
            // is an estimate from the ids, refreshed at most once a second (about as often as it is scraped).
            long nanos = System.nanoTime();
            if (nanos - lastCount >= COUNT_EVERY_NANOS) {
                lastCount = nanos;
                pendingRows.set(QuarkusTransaction.requiringNew().call(rows::pendingEstimate));
            }
        } catch (RuntimeException e) {
            // Rows stay in the table; the next wake-up or sweep retries them.
            failedRuns.increment();
            LOG.warnf(e, "Outbox relay run failed, will retry");
        }
    }

    /** @return rows published and deleted; less than a full batch means "stop for now" */
    private int publishOldestBatch() {
        List<OutboxEvent> batch = rows.lockOldest(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        // Sent with the transaction suspended (its row locks stay held): otherwise context
        // propagation carries the JTA transaction into the Kafka client's ack callbacks, and the
        // commit fails with "multiple threads active".
        List<CompletableFuture<Void>> acks = QuarkusTransaction.suspendingExisting().call(() -> {
            List<CompletableFuture<Void>> sent = new ArrayList<>(batch.size());
            for (OutboxEvent row : batch) {
                sent.add(send(row));
            }
            return sent;
        });
        // Delete only the acknowledged prefix: a failed row and everything after it is sent again
        // next time, which keeps per-key order (at the price of duplicates, which consumers absorb).
        List<Long> acknowledged = new ArrayList<>(batch.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent row = batch.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(row.id);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("Outbox event %s to %s not acknowledged (%s); will retry", row.eventId, row.topic,
                        e instanceof ExecutionException ? e.getCause() : "timeout");
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        rows.deleteByIds(acknowledged);
        return acknowledged.size() == batch.size() ? batch.size() : -1;
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        Emitter<String> emitter = channels.emitterFor(row.topic);
        if (emitter == null) {
            // not acknowledged: the row and those after it stay, and the run counts as failed
            return CompletableFuture.failedFuture(new IllegalStateException("no channel for topic " + row.topic));
        }
        return AckedSend.send(emitter, row.payload, OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .build(),
                row.traceParent == null ? null : TracingMetadata.withCurrent(TraceParent.context(row.traceParent)));
    }
}
