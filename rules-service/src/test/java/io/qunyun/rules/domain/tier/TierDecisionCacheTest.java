package io.qunyun.rules.domain.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.rules.config.DecisionsConfig;
import io.qunyun.rules.domain.DecisionTableCatalog;

/**
 * The Tiers decision cache ({@code qunyun.decisions.tier-cache-size}): the weights pass and the tier pass memoized by
 * their inputs give exactly the engine's decisions, and the weights are evaluated once per activated version.
 */
@QuarkusTest
class TierDecisionCacheTest {

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    DecisionsConfig config;

    private TierService service(int cacheSize) {
        TierService service = new TierService();
        service.catalog = catalog;
        service.config = (DecisionsConfig) Proxy.newProxyInstance(DecisionsConfig.class.getClassLoader(),
                new Class<?>[] { DecisionsConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "tierCacheSize" -> cacheSize;
                    case "rewardCacheSize" -> 0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        service.registry = new SimpleMeterRegistry();
        service.init();
        return service;
    }

    @Test
    void aCachedDecisionIsTheEnginesDecision() {
        TierService engine = service(0);
        TierService cached = service(10_000);
        Tier[] current = { null, Tier.NEWBIE, Tier.ACTIVE, Tier.CORE, Tier.AMBASSADOR };
        int decisions = 0;
        for (int round = 0; round < 2; round++) { // the second round answers from the cache
            for (int purchases = 0; purchases <= 12; purchases += 3) {
                for (int content = 0; content <= 3_000; content += 250) {
                    for (int behaviour = 0; behaviour <= 3_000; behaviour += 375) {
                        for (Tier tier : current) {
                            GrowthWindow window = new GrowthWindow(purchases, content, behaviour, tier);
                            assertEquals(engine.decide(window), cached.decide(window), window.toString());
                            decisions++;
                        }
                    }
                }
            }
        }
        assertEquals(0, engine.cache().hits() + engine.cache().misses(), "size 0: every decision evaluated");
        // per decision one weights lookup and one tier lookup; the weights evaluated once for the version in use
        assertEquals(2L * decisions, cached.cache().hits() + cached.cache().misses());
        assertTrue(cached.cache().hits() > decisions, "hits: " + cached.cache().hits());
        assertEquals(cached.cache().size(), cached.cache().misses(), "every miss stored once");
    }

    @Test
    void theSharedWeightsCannotBeChangedByACaller() {
        TierDecision decision = service(10_000).decide(new GrowthWindow(1, 2, 3, null));
        assertThrows(UnsupportedOperationException.class, () -> decision.weights().put(GrowthInput.PURCHASES, 0));
    }

    @Test
    void theDefaultSize() {
        assertEquals(10_000, config.tierCacheSize(), "qunyun.decisions.tier-cache-size default");
    }
}
