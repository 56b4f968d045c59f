package io.qunyun.platform.messaging;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;


/**
 * Runs a consumer's database write (its own transaction) until it succeeds, with exponential backoff; also
 * the sending of a poll's dead letters ({@link DeadLetters}), which the broker must acknowledge.
 * While it waits, the consumer's thread does not return, SmallRye's Kafka source pauses the partitions
 * once its queue is full, and nothing is acknowledged: after a PostgreSQL outage the consumer resumes
 * where it stopped, without a restart, and the channel never fails (liveness stays UP; readiness follows
 * the datasource health check). The retry sits outside the transaction, around the write only, so a
 * retried batch starts a fresh transaction; SmallRye Fault Tolerance's @Retry on the @Transactional
 * domain method would run inside that method's transaction.
 */
@ApplicationScoped
public class StoreRetry {

    private static final Logger LOG = Logger.getLogger(StoreRetry.class);

    private final StoreRetryConfig config;
    private final AtomicInteger waiting = new AtomicInteger();

    StoreRetry(StoreRetryConfig config, MeterRegistry registry) {
        this.config = config;
        Gauge.builder("consumer.store.waiting", waiting, AtomicInteger::get)
                .description("Consumers waiting to store what they polled: the database, or the broker for dead letters")
                .register(registry);
    }

    public <T> T call(String what, Callable<T> write) throws InterruptedException {
        long backoff = config.retryBackoff().toMillis();
        boolean counted = false;
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    T result = write.call();
                    if (attempt > 1) {
                        LOG.infof("Stored %s after %d attempts", what, attempt);
                    }
                    return result;
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    if (!counted) {
                        waiting.incrementAndGet();
                        counted = true;
                    }
                    LOG.warnf("Storing %s failed (attempt %d), retrying in %d ms: %s", what, attempt, backoff, e.toString());
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
                }
            }
        } finally {
            if (counted) {
                waiting.decrementAndGet();
            }
        }
    }

    public void run(String what, Runnable write) throws InterruptedException {
        call(what, () -> {
            write.run();
            return null;
        });
    }
}
