package io.qunyun.rules.domain.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.context.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.qunyun.rules.config.TablesConfig;

/** One upload check at a time, each within its time limit: the busy answers (503) of the upload endpoint. */
class CompileGateTest {

    final CompileGate gate = gate(Duration.ofMillis(200), Duration.ofMillis(500));

    @AfterEach
    void stop() {
        gate.stop();
    }

    @Test
    void aCheckOverItsTimeIsAnsweredBusyAndKeepsTheSlotUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        long start = System.nanoTime();
        assertThrows(CompileGate.Busy.class, () -> gate.run(() -> {
            awaitQuietly(release);
            return "late";
        }));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "answered at the time limit, not when the check ends");
        // the slow check still runs: the next one waits for the slot and is answered busy, not run beside it
        CompileGate.Busy busy = assertThrows(CompileGate.Busy.class, () -> gate.run(() -> "second"));
        assertTrue(busy.getMessage().contains("another workbook is being checked"), busy.getMessage());
        release.countDown();
        Thread.sleep(100);
        assertEquals("third", gate.run(() -> "third"), "the slot is free once the slow check ended");
    }

    @Test
    void aCheckThatFailsReleasesTheSlotAndItsExceptionPassesThrough() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> gate.run(() -> {
            throw new IllegalArgumentException("refused");
        }));
        assertEquals("refused", failure.getMessage());
        assertEquals(1, gate.run(() -> 1));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // cancelled at the time limit: a compile does not stop on interruption either, so neither does this
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A gate with these limits, outside CDI: the thread context passes the supplier through unchanged. */
    static CompileGate gate(Duration wait, Duration timeout) {
        TablesConfig.Upload upload = proxy(TablesConfig.Upload.class, name -> switch (name) {
            case "compileWait" -> wait;
            case "compileTimeout" -> timeout;
            default -> throw new UnsupportedOperationException(name);
        });
        CompileGate gate = new CompileGate();
        gate.config = proxy(TablesConfig.class, name -> name.equals("upload") ? upload : null);
        gate.threadContext = (ThreadContext) Proxy.newProxyInstance(ThreadContext.class.getClassLoader(),
                new Class<?>[] {ThreadContext.class}, (p, method, args) -> {
                    if (method.getName().equals("contextualSupplier")) {
                        return args[0];
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return gate;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answers.apply(method.getName()));
    }
}
