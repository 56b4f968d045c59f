package io.qunyun.rules.domain.tier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.qunyun.rules.config.DecisionsConfig;
import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionCache;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;

/**
 * Member growth: the TierWeights table weighs purchases, content and behaviour into a growth value,
 * then the Tiers table turns the growth value into a tier. The single code path for
 * {@code POST /decisions/tier} and the {@code member-growth} consumer.
 *
 * <p>Memoized like the Rewards table, in one {@link DecisionCache} per activated version of the table
 * ({@code qunyun.decisions.tier-cache-size}, 0 = off), but pass by pass rather than by the whole growth window:
 * the growth counters only grow, so a member's next window rarely repeats anyone's, while each pass is a pure function
 * of fewer inputs. The weights pass has none (one entry per version); the tier pass has only the growth value, which
 * members share far more often than their three counters. The current tier is compared with the decided one outside
 * the cache.
 */
@ApplicationScoped
public class TierService {

    private static final DecisionTable TABLE = DecisionTable.TIERS;

    /** Cache keys: every input of one pass of the table. */
    sealed interface Inputs permits WeightInputs, GrowthValue {
    }

    /** The weights pass reads no input: its answer depends on the table version alone. */
    enum WeightInputs implements Inputs {
        ALL
    }

    /** The tier pass: the growth value is its only input. */
    record GrowthValue(long value) implements Inputs {
    }

    /** What one pass decided; immutable, as it is shared by every decision that hits it. */
    sealed interface Pass permits Weights, TierRow {
    }

    /** @param rows the weight rows that fired, sorted */
    record Weights(Map<GrowthInput, Integer> weights, List<String> rows) implements Pass {
    }

    /** @param rows the tier rows that fired */
    record TierRow(Tier tier, String benefits, List<String> rows) implements Pass {
    }

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    DecisionsConfig config;

    @Inject
    MeterRegistry registry;

    private DecisionCache<Inputs, Pass> cache;

    @PostConstruct
    void init() {
        cache = new DecisionCache<>(TABLE, config.tierCacheSize(), registry);
    }

    public TierDecision decide(GrowthWindow window) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        Weights weights = (Weights) cache.get(t, WeightInputs.ALL, TierService::evaluate);
        Map<GrowthInput, Integer> w = weights.weights();

        long growth = (long) window.purchases() * w.get(GrowthInput.PURCHASES)
                + (long) window.contentPoints() * w.get(GrowthInput.CONTENT)
                + (long) window.behaviourPoints() * w.get(GrowthInput.BEHAVIOUR);

        TierRow row = (TierRow) cache.get(t, new GrowthValue(growth), TierService::evaluate);
        List<String> fired = new ArrayList<>(weights.rows().size() + row.rows().size());
        fired.addAll(weights.rows());
        fired.addAll(row.rows());
        return new TierDecision(growth, w, row.tier(), row.benefits(), window.currentTier(),
                TierChange.between(window.currentTier(), row.tier()), t.version(), List.copyOf(fired));
    }

    /** Hits, misses and size of the decision cache (two lookups per decision: the weights, then the tier). */
    public DecisionCache<Inputs, Pass> cache() {
        return cache;
    }

    /** One evaluation of one pass by the rule engine, never cached. */
    static Pass evaluate(CompiledTable t, Inputs inputs) {
        return inputs instanceof GrowthValue growth ? tier(t, growth.value()) : weights(t);
    }

    /** First pass: one weight per input kind, from exactly one TierWeights row each. */
    private static Weights weights(CompiledTable t) {
        TierUnit unit = new TierUnit();
        Map<GrowthInput, TierWeight> facts = new EnumMap<>(GrowthInput.class);
        for (GrowthInput kind : GrowthInput.values()) {
            TierWeight fact = new TierWeight(kind);
            facts.put(kind, fact);
            unit.getWeights().add(fact);
        }
        List<String> weightRows = RuleUnits.fire(t.unit(TierUnit.class), unit);
        if (weightRows.size() != GrowthInput.values().length) {
            throw new DecisionTableDefectException(TABLE, "TierWeights needs exactly one row per input kind "
                    + java.util.Arrays.toString(GrowthInput.values()) + ", rows fired: " + weightRows);
        }
        Map<GrowthInput, Integer> weights = new EnumMap<>(GrowthInput.class);
        facts.forEach((kind, fact) -> {
            if (fact.getWeight() == null || fact.getWeight() < 0) {
                throw new DecisionTableDefectException(TABLE, "TierWeights has no valid weight for " + kind);
            }
            weights.put(kind, fact.getWeight());
        });
        // independent rows: the engine's firing order among them means nothing, report them sorted;
        // unmodifiable (in the enum's order, as serialized): the weights may be cached and shared
        return new Weights(Collections.unmodifiableMap(weights), weightRows.stream().sorted().toList());
    }

    /** Second pass: the tier whose growth range holds the value. */
    private static TierRow tier(CompiledTable t, long growth) {
        TierCase tierCase = new TierCase(growth);
        TierUnit unit = new TierUnit();
        unit.getTiers().add(tierCase);
        List<String> tierRows = RuleUnits.fire(t.unit(TierUnit.class), unit);
        // growth ranges must meet exactly: the hit policy (UNIQUE) refuses overlapping rows, and no row is a gap
        String tierRow = t.decidingRow(tierRows);
        if (tierRow == null) {
            throw new DecisionTableDefectException(TABLE, "no tier row covers growth value " + growth);
        }
        Tier tier = parseTier(tierCase.getTier(), tierRow);
        if (tierCase.getBenefits() == null || tierCase.getBenefits().isBlank()) {
            throw new DecisionTableDefectException(TABLE, "row '" + tierRow + "' has no benefits");
        }
        return new TierRow(tier, tierCase.getBenefits().trim(), List.copyOf(tierRows));
    }

    private static Tier parseTier(String value, String row) {
        if (value == null) {
            throw new DecisionTableDefectException(TABLE, "row '" + row + "' has no tier");
        }
        try {
            return Tier.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new DecisionTableDefectException(TABLE, "row '" + row + "' has unknown tier '" + value + "'");
        }
    }
}
