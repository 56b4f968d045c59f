package io.qunyun.rules.config;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the decision services. */
@ConfigMapping(prefix = "qunyun.decisions")
public interface DecisionsConfig {

    /**
     * Most reward decisions kept in memory, by their inputs ({@code qunyun.decisions.reward-cache-size});
     * once full, new inputs are decided by the engine every time. 0 disables the cache.
     */
    @WithDefault("10000")
    @Min(0)
    int rewardCacheSize();

    /**
     * Most Tiers passes kept in memory ({@code qunyun.decisions.tier-cache-size}): the weights of the version in use,
     * and the tier of each growth value decided; once full, the least likely to be asked again is evicted. 0 disables
     * the cache.
     */
    @WithDefault("10000")
    @Min(0)
    int tierCacheSize();
}
