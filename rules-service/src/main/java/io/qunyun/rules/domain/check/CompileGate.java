package io.qunyun.rules.domain.check;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import io.qunyun.rules.config.TablesConfig;

/**
 * One upload check (compile and regression cases) at a time, each within a time limit: a compile takes a core and
 * hundreds of MB for seconds, so uploads in parallel could starve the decisions this service serves. An upload that
 * cannot get the slot within {@code compile-wait}, or whose check outlasts {@code compile-timeout}, is answered busy
 * ({@link Busy}); a check that outlasts its limit keeps the slot until it ends (its result is dropped), so the next
 * upload waits for it rather than compiling beside it.
 */
@ApplicationScoped
public class CompileGate {

    private static final Logger LOG = Logger.getLogger(CompileGate.class);

    /** No slot within the wait, or a check over its time limit: nothing was stored; try again later. */
    public static class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }

    @Inject
    TablesConfig config;

    /** The caller's request context and identity on the worker thread: the regression cases ask the decision endpoints. */
    @Inject
    ThreadContext threadContext;

    private final Semaphore slot = new Semaphore(1, true);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "workbook-check");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code check} alone and within the time limit; its exceptions are rethrown as they are. */
    public <T> T run(Supplier<T> check) {
        Duration wait = config.upload().compileWait();
        Duration timeout = config.upload().compileTimeout();
        try {
            if (!slot.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy("another workbook is being checked; try again in a moment / 另一个工作簿正在检查，请稍后重试");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while waiting to check the workbook / 等待检查时被中断");
        }
        Future<T> result;
        try {
            Supplier<T> contextual = threadContext.contextualSupplier(check);
            result = worker.submit(() -> {
                try {
                    return contextual.get();
                } finally {
                    slot.release();
                }
            });
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            LOG.warnf("A workbook check took longer than %s: answered busy, its result is dropped", timeout);
            throw new Busy("checking the workbook took longer than " + timeout.toSeconds() + " s; try again later / 工作簿检查超时，请稍后重试");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while checking the workbook / 检查工作簿时被中断");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
