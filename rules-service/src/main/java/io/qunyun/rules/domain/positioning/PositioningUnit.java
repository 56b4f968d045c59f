package io.qunyun.rules.domain.positioning;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** Rule unit of GroupPositioning.drl.xlsx (the workbook's {@code Unit} cell names this class). */
public class PositioningUnit implements RuleUnitData {

    private final DataStore<PositioningCase> cases = DataSource.createStore();

    public DataStore<PositioningCase> getCases() {
        return cases;
    }
}
