package io.qunyun.campaign.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a consumer waits for the database when its write fails (e.g. PostgreSQL restarting): first after
 * {@code retry-backoff}, then twice as long each time up to {@code max-backoff}, for as long as it takes
 * (the same figures as member-service's {@code qunyun.ledger.*}).
 */
@ConfigMapping(prefix = "qunyun.consumer-store")
public interface ConsumerStoreConfig {

    @WithDefault("500ms")
    Duration retryBackoff();

    @WithDefault("10s")
    Duration maxBackoff();
}
