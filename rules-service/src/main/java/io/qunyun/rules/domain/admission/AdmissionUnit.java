package io.qunyun.rules.domain.admission;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** Rule unit of Admission.drl.xlsx. */
public class AdmissionUnit implements RuleUnitData {

    private final DataStore<RejoinCase> rejoins = DataSource.createStore();

    public DataStore<RejoinCase> getRejoins() {
        return rejoins;
    }
}
