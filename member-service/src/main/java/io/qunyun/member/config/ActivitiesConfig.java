package io.qunyun.member.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds of an activity's {@code occurredAt}, measured from the service's clock (docs/errors.md): outside them
 * the request is refused with 400 naming the field and nothing is written. A date in 2099 or in 1970 is a
 * client's bug, and would otherwise earn points, move streaks and standing, and expire at once or never.
 */
@ConfigMapping(prefix = "qunyun.activities")
public interface ActivitiesConfig {

    /** How far ahead of the service's clock an activity may be dated: devices' clocks drift by minutes. */
    @WithDefault("PT5M")
    Duration maxFuture();

    /**
     * How far back an activity may be dated: late imports of last year's offline activity (chapters, events)
     * still count, with a month to spare.
     */
    @WithDefault("P400D")
    Duration maxAge();

    /**
     * Single activities (POST /members/{id}/activities) arriving together are written together: up to this
     * many in one transaction (docs/performance-log.md, "REST ingestion"). 1 writes each in its own.
     */
    @WithDefault("500")
    int intakeBatchSize();

    /** Threads writing those transactions; each takes whatever arrived while the others were busy. */
    @WithDefault("2")
    int intakeWriters();
}
