package io.qunyun.rules.domain.reward;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.rules.config.DecisionsConfig;
import io.qunyun.rules.domain.DecisionCache;
import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.restassured.http.ContentType;

/**
 * The reward decision cache ({@code qunyun.decisions.reward-cache-size}): same answers as the engine, bounded
 * (evicting when full), off at 0, never caching a failure. Services with their own cache size are wired like the benchmark does.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class RewardDecisionCacheTest {

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    RewardService rewards;

    @Inject
    DecisionsConfig config;

    @Inject
    MeterRegistry registry;

    private RewardService service(int cacheSize) {
        return RewardServiceWiring.rewardService(catalog, cacheSize, new SimpleMeterRegistry());
    }

    /** Every row of the table is reached by some of these; streaks 0..22 so that 7, 14 and 21 are in. */
    private static List<RewardContext> contexts() {
        List<RewardContext> contexts = new ArrayList<>();
        for (String type : new String[] {"CHECK_IN", "SHARE", "CONTENT_POST", "PURCHASE", "AD_SPAM", "LIKE"}) {
            for (boolean inGroup : new boolean[] {false, true}) {
                for (Integer streak : new Integer[] {null, 0, 6, 7, 14, 21, 22}) {
                    for (String phase : new String[] {null, "WARM_UP", "CLIMAX", "WRAP_UP"}) {
                        for (String tier : new String[] {null, "CORE", "AMBASSADOR"}) {
                            for (int offences = 0; offences <= 2; offences++) {
                                contexts.add(new RewardContext(type, inGroup, streak, phase, tier, offences));
                            }
                        }
                    }
                }
            }
        }
        return contexts;
    }

    @Test
    void cachedAnswersAreTheEnginesAnswers() {
        RewardService engine = service(0);
        RewardService cached = service(100_000);
        List<RewardContext> contexts = contexts();
        java.util.Set<String> rows = new java.util.TreeSet<>();
        for (RewardContext context : contexts) {
            RewardDecision expected = engine.decide(context);
            RewardDecision first = cached.decide(context);
            RewardDecision second = cached.decide(new RewardContext(new String(context.activityType()), context.inGroup(),
                    context.streakDays(), context.campaignPhase(), context.memberTier(), context.priorOffences()));
            assertEquals(expected, first, context.toString());
            assertSame(first, second, "an equal context is a cache hit: " + context);
            assertEquals(expected.firedRules(), second.firedRules(), context.toString());
            assertEquals(expected.tableVersion(), second.tableVersion());
            assertEquals(expected.decidedBy(), second.decidedBy());
            rows.addAll(second.firedRules());
        }
        assertEquals(13, rows.size(), "every row is in some cached decision: " + rows);
        assertEquals(contexts.size(), cached.cache().size());
        assertEquals(contexts.size(), cached.cache().misses());
        assertEquals(contexts.size(), cached.cache().hits());
        RewardDecision shared = cached.decide(RewardContext.of("PURCHASE", false));
        assertThrows(UnsupportedOperationException.class, () -> shared.firedRules().add("R99"),
                "a cached decision cannot be changed by one caller for the next");
    }

    @Test
    void theBoundHoldsAndNewInputsStillGetIn() {
        RewardService cached = service(10);
        RewardService engine = service(0);
        for (int round = 0; round < 2; round++) {
            for (int streak = 0; streak < 100; streak++) {
                RewardContext context = new RewardContext("CHECK_IN", true, streak, null, null, 0);
                assertEquals(engine.decide(context), cached.decide(context), context.toString());
            }
        }
        assertEquals(10, cached.cache().size());
        assertEquals(200, cached.cache().hits() + cached.cache().misses());
        // a full cache evicts: an input asked again and again is stored in place of one asked less, and then hits
        RewardContext frequent = new RewardContext("CHECK_IN", true, 1000, null, null, 0);
        long hitsBefore = cached.cache().hits();
        for (int i = 0; i < 10; i++) {
            assertEquals(engine.decide(frequent), cached.decide(frequent));
        }
        assertTrue(cached.cache().hits() > hitsBefore, "a frequent new input is served from the full cache");
        assertEquals(10, cached.cache().size());
    }

    @Test
    void theBoundHoldsUnderConcurrentMisses() throws Exception {
        RewardService cached = service(50);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    for (int streak = 0; streak < 400; streak++) {
                        cached.decide(new RewardContext("CHECK_IN", false, streak, null, null, 0));
                    }
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(50, cached.cache().size());
        assertEquals(1600, cached.cache().hits() + cached.cache().misses());
    }

    @Test
    void zeroDisablesTheCache() {
        RewardService uncached = service(0);
        RewardContext context = RewardContext.of("CHECK_IN", true);
        RewardDecision first = uncached.decide(context);
        RewardDecision second = uncached.decide(context);
        assertEquals(first, second);
        assertNotSame(first, second, "each call is evaluated by the engine");
        assertEquals(0, uncached.cache().size());
        assertEquals(0, uncached.cache().hits());
        assertEquals(0, uncached.cache().misses());
    }

    @Test
    void aFailingEvaluationIsNotCached() {
        boolean[] defect = {true};
        DecisionTableCatalog broken = new DecisionTableCatalog() {
            @Override
            public CompiledTable active(DecisionTable table) {
                CompiledTable real = super.active(table);
                // a version whose priorities lack every row: deciding any fired row is a table defect
                return defect[0] ? new CompiledTable(real.table(), real.version(), real.workbook(), real.sheets(),
                        real.hitPolicy(), java.util.Map.of(), real.units(), real.activation(), false) : real;
            }
        };
        RewardService service = RewardServiceWiring.rewardService(broken, 100, new SimpleMeterRegistry());
        RewardContext context = RewardContext.of("SHARE", false);
        assertThrows(DecisionTableDefectException.class, () -> service.decide(context));
        assertThrows(DecisionTableDefectException.class, () -> service.decide(context), "still failing loudly");
        assertEquals(0, service.cache().size());
        assertEquals(2, service.cache().misses());
        defect[0] = false;
        assertEquals("R03 share", service.decide(context).decidedBy());
        assertEquals(1, service.cache().size());
    }

    @Test
    void negativeSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> service(-1));
    }

    @Test
    void theServiceCachesByDefaultAndCountsHitsAndMisses() {
        assertEquals(10_000, config.rewardCacheSize(), "qunyun.decisions.reward-cache-size default");
        assertEquals(10_000, rewards.cache().capacity());
        double hitsBefore = registry.get(DecisionCache.METRIC).tags("table", "Rewards", "result", "hit").functionCounter().count();
        // an input no other test uses, twice through the API
        String body = "{\"activityType\":\"CHECK_IN\",\"streakDays\":365,\"memberTier\":\"CACHE-TEST\"}";
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(body).when().post("/decisions/reward").then().statusCode(200);
        }
        double hitsAfter = registry.get(DecisionCache.METRIC).tags("table", "Rewards", "result", "hit").functionCounter().count();
        assertTrue(hitsAfter >= hitsBefore + 1, "hits " + hitsBefore + " -> " + hitsAfter);
        assertTrue(registry.get(DecisionCache.METRIC).tags("table", "Rewards", "result", "miss").functionCounter().count() >= 1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("qunyun_decisions_cache_total{result=\"hit\",table=\"Rewards\"}"))
                .body(containsString("qunyun_decisions_cache_size{table=\"Rewards\"}"));
    }
}
