package io.qunyun.rules.domain.touch;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** Rule unit of TouchStrategy.drl.xlsx. */
public class TouchUnit implements RuleUnitData {

    private final DataStore<TouchCase> touches = DataSource.createStore();

    public DataStore<TouchCase> getTouches() {
        return touches;
    }
}
