package io.qunyun.rules.domain.schedule;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** Rule unit of SchedulePolicy.drl.xlsx. */
public class SchedulePolicyUnit implements RuleUnitData {

    private final DataStore<ScheduleCase> schedules = DataSource.createStore();

    public DataStore<ScheduleCase> getSchedules() {
        return schedules;
    }
}
