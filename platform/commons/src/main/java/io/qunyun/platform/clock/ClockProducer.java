package io.qunyun.platform.clock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The one clock of the service: every "now" in domain code comes from this bean (never Instant.now()), so
 * the demo can move time and tests can check day boundaries, due times and expiry. rules-service keeps the
 * default (system): it decides with the dates its requests and events carry.
 */
@Singleton
public class ClockProducer {

    private final ClockConfig config;

    ClockProducer(ClockConfig config) {
        this.config = config;
    }

    /** Singleton, not a client proxy: callers may check {@code instanceof VirtualClock}. */
    @Produces
    @Singleton
    Clock clock() {
        if (config.mode() == ClockConfig.Mode.VIRTUAL) {
            Instant start = config.start().orElseGet(Clock.systemUTC()::instant);
            return config.frozen() ? VirtualClock.frozen(start) : VirtualClock.ticking(start);
        }
        return Clock.systemUTC();
    }

    /** Fails startup before the service takes traffic. */
    void refuseVirtualClockInProduction(@Observes StartupEvent startup) {
        refuseVirtualClockInProduction(config.mode(), ConfigUtils.getProfiles());
    }

    /**
     * A virtual clock in production would credit, cap and expire points and run campaign steps on a made-up
     * date, moved by anyone with the admin role over HTTP. Only the demo profile (a child of prod) may run one.
     */
    static void refuseVirtualClockInProduction(ClockConfig.Mode mode, List<String> activeProfiles) {
        if (mode == ClockConfig.Mode.VIRTUAL && activeProfiles.contains("prod") && !activeProfiles.contains("demo")) {
            throw new IllegalStateException("qunyun.clock.mode=virtual is refused in the prod profile "
                    + "(only the demo profile may move time); set qunyun.clock.mode=system");
        }
    }
}
