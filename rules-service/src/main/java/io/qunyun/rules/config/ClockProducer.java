package io.qunyun.rules.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock of rules-service's own records (the audit log). Unlike campaign- and member-service it is
 * never virtual: rules-service decides with the dates its requests and events carry, so no test or demo
 * needs to move its time.
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
