package io.qunyun.rules.domain.reward;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.micrometer.core.instrument.MeterRegistry;
import io.qunyun.rules.config.DecisionsConfig;
import io.qunyun.rules.domain.DecisionCache;
import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;

/**
 * Decides what one member activity earns. The single code path for {@code POST /decisions/reward}
 * and for the {@code member-activities} consumer. Rows may overlap; the table's hit policy
 * (PRIORITY) says which fired row decides.
 *
 * <p>Decisions are memoized by their inputs ({@link RewardContext}, which holds every input of the table) in
 * a bounded {@link DecisionCache} ({@code qunyun.decisions.reward-cache-size}, 0 = off), keyed by the table
 * version too: a decision is a pure function of its inputs and the version.
 */
@ApplicationScoped
public class RewardService {

    private static final DecisionTable TABLE = DecisionTable.REWARDS;

    /** When no row matches: nothing to credit (not a business number: the neutral element of the formula). */
    static final String NO_MATCH_REASON = "no reward rule matched";

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    DecisionsConfig config;

    @Inject
    MeterRegistry registry;

    private DecisionCache<RewardContext, RewardDecision> cache;

    @PostConstruct
    void init() {
        cache = new DecisionCache<>(TABLE, config.rewardCacheSize(), registry);
    }

    /** An activity without context (no streak, phase, tier or prior offences). */
    public RewardDecision decide(String activityType, boolean inGroup) {
        return decide(RewardContext.of(activityType, inGroup));
    }

    /** The decision for one activity: from the cache when these inputs were decided before. */
    public RewardDecision decide(RewardContext context) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        return cache.get(t, context, RewardService::evaluate);
    }

    /** Hits, misses and size of the decision cache. */
    public DecisionCache<RewardContext, RewardDecision> cache() {
        return cache;
    }

    /** One evaluation by the rule engine, never cached. */
    static RewardDecision evaluate(CompiledTable t, RewardContext context) {
        RewardCase rewardCase = new RewardCase(context);
        RewardUnit unit = new RewardUnit();
        unit.getRewards().add(rewardCase);
        Map<String, RewardCase.Outputs> outputs = new HashMap<>();
        List<String> fired = RuleUnits.fire(t.unit(RewardUnit.class), unit, rule -> outputs.put(rule, rewardCase.takeOutputs()));
        String version = t.version();
        String decidedBy = t.decidingRow(fired);
        if (decidedBy == null) {
            return new RewardDecision(0, 0, 1, NO_MATCH_REASON, version, List.of(), null, false, false, null);
        }
        RewardCase.Outputs row = outputs.get(decidedBy);
        if (row.basePoints() == null || row.multiplier() == null || row.reason() == null) {
            throw new DecisionTableDefectException(TABLE, "row '" + decidedBy + "' must set base points, multiplier and reason");
        }
        int points = Math.multiplyExact(row.basePoints(), row.multiplier());
        String badge = row.badge() == null || row.badge().isBlank() ? null : row.badge().trim();
        // immutable: the decision may be cached and shared
        return new RewardDecision(points, row.basePoints(), row.multiplier(), row.reason(), version, List.copyOf(fired), badge,
                row.penalty(), row.expel(), decidedBy);
    }
}
