package io.qunyun.member.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The points expiry job (when points expire is the PointsExpiry table's business, not this). */
@ConfigMapping(prefix = "qunyun.expiry")
public interface ExpiryConfig {

    @WithDefault("1m")
    Duration interval();

    /** Due credits expired per transaction. */
    @WithDefault("500")
    int batchSize();
}
