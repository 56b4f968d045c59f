package io.qunyun.platform.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the outbox relay. */
@ConfigMapping(prefix = "qunyun.outbox")
public interface OutboxConfig {

    /** Rows sent per relay transaction (they stay locked until their acks arrived). */
    @WithDefault("100")
    int batchSize();

    /** Period of the safety sweep that sends rows no commit notification woke the relay for (e.g. after a crash). */
    @WithDefault("1s")
    Duration sweepInterval();

    /** How long one batch may wait for the broker's acks before it is rolled back and retried later. */
    @WithDefault("15s")
    Duration sendTimeout();
}
