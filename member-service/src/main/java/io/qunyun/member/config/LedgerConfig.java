package io.qunyun.member.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How hard the reward-decisions consumer tries to store a batch before it stops the channel. */
@ConfigMapping(prefix = "qunyun.ledger")
public interface LedgerConfig {

    @WithDefault("3")
    int maxAttempts();

    @WithDefault("500ms")
    Duration retryBackoff();
}
