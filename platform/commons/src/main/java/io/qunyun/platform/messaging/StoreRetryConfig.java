package io.qunyun.platform.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the consumers wait for the database when a write fails (e.g. PostgreSQL restarting): first after
 * {@code retry-backoff}, then twice as long each time up to {@code max-backoff}, for as long as it takes.
 * member-service maps its older names ({@code qunyun.ledger.*}) onto these in its application.properties.
 */
@ConfigMapping(prefix = "qunyun.consumer-store")
public interface StoreRetryConfig {

    @WithDefault("500ms")
    Duration retryBackoff();

    @WithDefault("10s")
    Duration maxBackoff();
}
