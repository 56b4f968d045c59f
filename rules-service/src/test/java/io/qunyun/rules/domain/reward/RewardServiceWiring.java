package io.qunyun.rules.domain.reward;

import java.lang.reflect.Proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.qunyun.rules.config.DecisionsConfig;
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
        // a proxy, not an anonymous class: ArC rejects a class in the index overriding the mapping's constrained methods
        service.config = (DecisionsConfig) Proxy.newProxyInstance(DecisionsConfig.class.getClassLoader(),
                new Class<?>[] { DecisionsConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "rewardCacheSize" -> cacheSize;
                    case "tierCacheSize" -> 0; // not used by RewardService
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        service.registry = registry;
        service.init();
        return service;
    }
}
