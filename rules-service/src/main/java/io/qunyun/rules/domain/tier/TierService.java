package io.qunyun.rules.domain.tier;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;

/**
 * Member growth: the TierWeights table weighs purchases, content and behaviour into a growth value,
 * then the Tiers table turns the growth value into a tier. The single code path for
 * {@code POST /decisions/tier} and the {@code member-growth} consumer.
 */
@ApplicationScoped
public class TierService {

    private static final DecisionTable TABLE = DecisionTable.TIERS;

    @Inject
    DecisionTableCatalog catalog;

    public TierDecision decide(GrowthWindow window) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        List<String> fired = new ArrayList<>();
        Map<GrowthInput, Integer> weights = weights(t, fired);

        long growth = (long) window.purchases() * weights.get(GrowthInput.PURCHASES)
                + (long) window.contentPoints() * weights.get(GrowthInput.CONTENT)
                + (long) window.behaviourPoints() * weights.get(GrowthInput.BEHAVIOUR);

        TierCase tierCase = new TierCase(growth);
        TierUnit unit = new TierUnit();
        unit.getTiers().add(tierCase);
        List<String> tierRows = RuleUnits.fire(t.unit(TierUnit.class), unit);
        // growth ranges must meet exactly: the hit policy (UNIQUE) refuses overlapping rows, and no row is a gap
        String tierRow = t.decidingRow(tierRows);
        if (tierRow == null) {
            throw new DecisionTableDefectException(TABLE, "no tier row covers growth value " + growth);
        }
        fired.addAll(tierRows);
        Tier tier = parseTier(tierCase.getTier(), tierRow);
        if (tierCase.getBenefits() == null || tierCase.getBenefits().isBlank()) {
            throw new DecisionTableDefectException(TABLE, "row '" + tierRow + "' has no benefits");
        }
        return new TierDecision(growth, weights, tier, tierCase.getBenefits().trim(), window.currentTier(),
                TierChange.between(window.currentTier(), tier), t.version(), List.copyOf(fired));
    }

    /** First pass: one weight per input kind, from exactly one TierWeights row each. */
    private Map<GrowthInput, Integer> weights(CompiledTable t, List<String> fired) {
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
        // independent rows: the engine's firing order among them means nothing, report them sorted
        fired.addAll(weightRows.stream().sorted().toList());
        return weights;
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
