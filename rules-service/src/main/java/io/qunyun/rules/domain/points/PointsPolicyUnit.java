package io.qunyun.rules.domain.points;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * Rule unit of PointsPolicy.drl.xlsx. The sheet holds two tables: CreditCaps matches {@code /caps},
 * PointsExpiry matches {@code /expiries}. The service fills one store per evaluation, so each
 * evaluation runs exactly one of the two tables.
 */
public class PointsPolicyUnit implements RuleUnitData {

    private final DataStore<CreditCapCase> caps = DataSource.createStore();
    private final DataStore<ExpiryCase> expiries = DataSource.createStore();

    public DataStore<CreditCapCase> getCaps() {
        return caps;
    }

    public DataStore<ExpiryCase> getExpiries() {
        return expiries;
    }
}
