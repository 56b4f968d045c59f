package io.qunyun.platform.clock;

import java.time.Instant;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the service takes "now" from (docs/architecture.md, "One clock"). */
@ConfigMapping(prefix = "qunyun.clock")
public interface ClockConfig {

    enum Mode {
        /** The machine's clock (UTC). */
        SYSTEM,
        /** A clock operators move over REST (/clock) to run weeks of a campaign in minutes; demo and tests only. */
        VIRTUAL
    }

    @WithDefault("system")
    Mode mode();

    /** Virtual mode only: the instant the virtual clock shows at startup; absent = the system time. */
    Optional<Instant> start();

    /**
     * Virtual mode only: whether the clock stands still between moves (campaign-service: a step is due at an
     * exact instant) instead of ticking at real speed from the last move (member-service).
     */
    @WithDefault("false")
    boolean frozen();

    /**
     * Build time: whether the service has the /clock paths (ClockResource reads it with @IfBuildProperty);
     * false for a service whose clock is never virtual (rules-service). Declared here so it validates.
     */
    @WithDefault("true")
    boolean endpoints();
}
