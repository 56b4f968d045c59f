package io.qunyun.member.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the consumers wait for the database when a write fails (e.g. PostgreSQL restarting): first after
 * {@code retry-backoff}, then twice as long each time up to {@code max-backoff}, for as long as it takes.
 */
@ConfigMapping(prefix = "qunyun.ledger")
public interface LedgerConfig {

    @WithDefault("500ms")
    Duration retryBackoff();

    @WithDefault("10s")
    Duration maxBackoff();
}
