package io.qunyun.campaign.config;

import java.time.Instant;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which clock the service runs on (docs/architecture.md, "One clock"). */
@ConfigMapping(prefix = "qunyun.clock")
public interface ClockConfig {

    /** system: the host's UTC clock; virtual: a clock moved by REST (tests and the demo only). */
    @WithDefault("system")
    Mode mode();

    /** Where a virtual clock starts; the system time when absent. */
    Optional<Instant> start();

    enum Mode {
        system, virtual
    }
}
