package io.qunyun.member.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The service's one java.time.Clock. Placeholder of the memberships branch so it compiles and runs
 * before the merge; the points branch's ClockProducer (system or virtual clock, qunyun.clock.mode)
 * replaces this class, with the same name.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
