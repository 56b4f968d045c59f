package io.qunyun.campaign.config;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The one clock of campaign-service: every due instant, staleness and local day is computed from
 * it, never from Instant.now(), so the virtual clock moves all of them together.
 */
@ApplicationScoped
public class ClockProducer {

    private final ClockConfig config;
    private final Clock clock;

    ClockProducer(ClockConfig config) {
        this.config = config;
        this.clock = config.mode() == ClockConfig.Mode.virtual
                ? new VirtualClock(config.start().orElseGet(() -> Clock.systemUTC().instant()))
                : Clock.systemUTC();
    }

    @Produces
    @Singleton
    Clock clock() {
        return clock;
    }

    /** Production must never run on a clock someone can move over HTTP; the demo profile may. */
    void refuseVirtualInProduction(@Observes StartupEvent start) {
        check(config.mode(), ConfigUtils.getProfiles());
    }

    static void check(ClockConfig.Mode mode, List<String> profiles) {
        if (mode == ClockConfig.Mode.virtual && profiles.contains("prod") && !profiles.contains("demo")) {
            throw new IllegalStateException("qunyun.clock.mode=virtual is refused in the prod profile "
                    + "(allowed in test and demo); set qunyun.clock.mode=system");
        }
    }
}
