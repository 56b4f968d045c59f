package io.qunyun.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;


class StoreRetryTest {

    private static StoreRetryConfig config(long firstMs, long maxMs) {
        return new StoreRetryConfig() {
            @Override
            public Duration retryBackoff() {
                return Duration.ofMillis(firstMs);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(maxMs);
            }
        };
    }

    @Test
    void keepsTryingPastAnyFixedNumberOfFailuresAndReportsWhileItWaits() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StoreRetry retry = new StoreRetry(config(1, 4), registry);
        AtomicInteger attempts = new AtomicInteger();
        List<Double> waitingSeen = new ArrayList<>();
        String stored = retry.call("a batch", () -> {
            waitingSeen.add(registry.get("consumer.store.waiting").gauge().value());
            if (attempts.incrementAndGet() < 12) {
                throw new IllegalStateException("database down");
            }
            return "stored";
        });
        assertEquals("stored", stored);
        assertEquals(12, attempts.get());
        assertEquals(0.0, waitingSeen.get(0));
        assertEquals(1.0, waitingSeen.get(11));
        assertEquals(0.0, registry.get("consumer.store.waiting").gauge().value());
    }

    @Test
    void anInterruptEndsTheWait() {
        StoreRetry retry = new StoreRetry(config(60_000, 60_000), new SimpleMeterRegistry());
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> retry.call("a batch", () -> {
            throw new IllegalStateException("database down");
        }));
    }
}
