package io.qunyun.rules.domain.metrics;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** Rule unit of MetricDefinitions.drl.xlsx. */
public class MetricDefinitionUnit implements RuleUnitData {

    private final DataStore<MetricDefinitionCase> groups = DataSource.createStore();

    public DataStore<MetricDefinitionCase> getGroups() {
        return groups;
    }
}
