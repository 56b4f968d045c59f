package io.qunyun.member.config;

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
}
