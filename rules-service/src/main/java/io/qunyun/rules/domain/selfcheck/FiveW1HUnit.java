package io.qunyun.rules.domain.selfcheck;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** Rule unit of FiveW1H.drl.xlsx. */
public class FiveW1HUnit implements RuleUnitData {

    private final DataStore<SelfCheck> checks = DataSource.createStore();

    public DataStore<SelfCheck> getChecks() {
        return checks;
    }
}
