package io.qunyun.rules.domain.health;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** Rule unit of GroupHealth.drl.xlsx. */
public class GroupHealthUnit implements RuleUnitData {

    private final DataStore<HealthCase> groups = DataSource.createStore();

    public DataStore<HealthCase> getGroups() {
        return groups;
    }
}
