package io.qunyun.rules.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.reward.ActivityType;
import io.qunyun.rules.domain.reward.CampaignPhase;
import io.qunyun.rules.domain.reward.RewardContext;
import io.qunyun.rules.domain.reward.RewardDecision;
import io.qunyun.rules.domain.reward.RewardService;
import io.qunyun.rules.domain.reward.RewardServiceWiring;
import io.qunyun.rules.domain.reward.RewardUnit;
import io.qunyun.rules.domain.tier.Tier;

/**
 * The benchmark's hand-written ceiling decides exactly like the shipped Rewards table, through
 * {@link RewardService#decide(RewardContext)} (cache off, so every answer comes from the engine), on every
 * combination of the inputs the table distinguishes: otherwise the ratio in docs/performance.md would
 * compare two different things.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class HandWrittenRewardsTest {

    @Inject
    DecisionTableCatalog catalog;

    @Test
    void agreesWithTheRewardsTableOnEveryCombinationAndReachesEveryRow() {
        RewardService table = RewardServiceWiring.rewardService(catalog, 0, new SimpleMeterRegistry());
        HandWrittenRewards handWritten = new HandWrittenRewards(catalog.version(DecisionTable.REWARDS));
        Set<String> rowsReached = new TreeSet<>();
        List<RewardContext> contexts = everyCombination();
        for (RewardContext context : contexts) {
            RewardDecision expected = table.decide(context);
            assertEquals(expected, handWritten.decide(context), context.toString());
            rowsReached.addAll(expected.firedRules());
        }
        // a row added to the workbook must be added to the baseline too
        assertEquals(catalog.info(DecisionTable.REWARDS).rows(), rowsReached.size(), "rows reached: " + rowsReached);
        assertEquals(13, rowsReached.size(), "the table this baseline was written for has 13 rows");
        assertTrue(contexts.size() > 50_000, "combinations tried: " + contexts.size());
    }

    @Test
    void theBenchmarkMixReachesEveryRowAndIsMostlyWithoutContext() {
        RewardService table = RewardServiceWiring.rewardService(catalog, 0, new SimpleMeterRegistry());
        RewardContext[] mix = RewardDecisionBenchmark.mix(RewardDecisionBenchmark.MIX_SIZE, RewardDecisionBenchmark.SEED);
        Set<String> deciding = new TreeSet<>();
        for (RewardContext context : mix) {
            deciding.add(String.valueOf(table.decide(context).decidedBy()));
        }
        // 13 rows and "no row matched" (LIKE)
        assertEquals(14, deciding.size(), "deciding rows of the mix: " + deciding);
        long withoutContext = Arrays.stream(mix)
                .filter(c -> c.equals(RewardContext.of(c.activityType(), c.inGroup()))).count();
        assertTrue(withoutContext > mix.length * 6 / 10, "activities without context: " + withoutContext);
        assertEquals(Arrays.asList(mix), Arrays.asList(RewardDecisionBenchmark.mix(RewardDecisionBenchmark.MIX_SIZE,
                RewardDecisionBenchmark.SEED)), "the mix depends on the seed only");
    }

    /**
     * Every activity type the REST API accepts plus one the table does not know (LIKE), in a group and not,
     * streaks absent and 0..31, every campaign phase plus an unknown one and none, every tier plus an unknown
     * one and none, 0..4 prior offences.
     */
    static List<RewardContext> everyCombination() {
        List<String> types = new ArrayList<>();
        for (ActivityType type : ActivityType.values()) {
            types.add(type.name());
        }
        types.add("LIKE");
        List<Integer> streaks = new ArrayList<>();
        streaks.add(null);
        for (int d = 0; d <= 31; d++) {
            streaks.add(d);
        }
        List<String> phases = new ArrayList<>();
        phases.add(null);
        for (CampaignPhase phase : CampaignPhase.values()) {
            phases.add(phase.name());
        }
        phases.add("FINALE");
        List<String> tiers = new ArrayList<>();
        tiers.add(null);
        for (Tier tier : Tier.values()) {
            tiers.add(tier.name());
        }
        tiers.add("GOLD");
        List<RewardContext> contexts = new ArrayList<>();
        for (String type : types) {
            for (boolean inGroup : new boolean[] {false, true}) {
                for (Integer streak : streaks) {
                    for (String phase : phases) {
                        for (String tier : tiers) {
                            for (int offences = 0; offences <= 4; offences++) {
                                contexts.add(new RewardContext(type, inGroup, streak, phase, tier, offences));
                            }
                        }
                    }
                }
            }
        }
        return contexts;
    }
}
