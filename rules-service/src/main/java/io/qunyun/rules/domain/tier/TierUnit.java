package io.qunyun.rules.domain.tier;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * Rule unit of Tiers.drl.xlsx. The sheet holds two tables: TierWeights matches {@code /weights},
 * Tiers matches {@code /tiers}. The service fills one store per evaluation, so each evaluation runs
 * exactly one of the two tables.
 */
public class TierUnit implements RuleUnitData {

    private final DataStore<TierWeight> weights = DataSource.createStore();
    private final DataStore<TierCase> tiers = DataSource.createStore();

    public DataStore<TierWeight> getWeights() {
        return weights;
    }

    public DataStore<TierCase> getTiers() {
        return tiers;
    }
}
