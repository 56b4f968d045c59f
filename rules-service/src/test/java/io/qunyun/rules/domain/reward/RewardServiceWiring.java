package io.qunyun.rules.domain.reward;

import io.micrometer.core.instrument.MeterRegistry;
import io.qunyun.rules.domain.DecisionTableCatalog;

/**
 * Builds a {@link RewardService} outside CDI (the JMH benchmark, cache tests with their own cache size and
 * meter registry): sets the fields CDI injects and runs its {@code @PostConstruct}, so callers use
 * {@link RewardService#decide} itself and not a copy of it.
 */
public final class RewardServiceWiring {

    private RewardServiceWiring() {
    }

    /** @param cacheSize {@code qunyun.decisions.reward-cache-size}: 0 = every decision evaluated by the engine */
    public static RewardService rewardService(DecisionTableCatalog catalog, int cacheSize,
            MeterRegistry registry) {
        RewardService service = new RewardService();
        service.catalog = catalog;
        service.config = () -> cacheSize;
        service.registry = registry;
        service.init();
        return service;
    }
}
