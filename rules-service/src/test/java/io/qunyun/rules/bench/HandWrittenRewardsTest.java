package io.qunyun.rules.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.rules.KafkaBrokerResource;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.reward.ActivityType;
import io.qunyun.rules.domain.reward.RewardDecision;
import io.qunyun.rules.domain.reward.RewardService;

/**
 * The benchmark's hand-written ceiling decides exactly like the shipped Rewards table, through the
 * service's own code path, on every input the table distinguishes: otherwise the ratio in
 * docs/performance.md would compare two different things.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class HandWrittenRewardsTest {

    @Inject
    RewardService rewards;

    @Inject
    DecisionTableCatalog catalog;

    @Test
    void agreesWithTheRewardsTableOnEveryInputAndReachesEveryRow() {
        HandWrittenRewards handWritten = new HandWrittenRewards(catalog.version(DecisionTable.REWARDS));
        Set<String> rowsReached = new TreeSet<>();
        for (String type : activityTypes()) {
            for (boolean inGroup : new boolean[] {false, true}) {
                RewardDecision table = rewards.decide(type, inGroup);
                assertEquals(table, handWritten.decide(type, inGroup), type + " in group " + inGroup);
                rowsReached.addAll(table.firedRules());
            }
        }
        // a row added to the workbook must be added to the baseline too
        assertEquals(catalog.info(DecisionTable.REWARDS).rows(), rowsReached.size(), "rows reached: " + rowsReached);
    }

    /** Every type the REST API accepts, every type of the benchmark mix (LIKE: unknown to the table). */
    private static Set<String> activityTypes() {
        Set<String> types = new TreeSet<>(Set.of(RewardDecisionBenchmark.TYPES));
        for (ActivityType type : ActivityType.values()) {
            types.add(type.name());
        }
        return types;
    }
}
