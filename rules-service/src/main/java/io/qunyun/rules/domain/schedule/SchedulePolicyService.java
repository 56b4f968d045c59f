package io.qunyun.rules.domain.schedule;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;

/**
 * How a campaign is scheduled in a group: the SchedulePolicy rows that match fire highest priority
 * first; the table's hit policy, applied by {@link CompiledTable#decidingRow}, says which one
 * decides. campaign-service asks once per group when a campaign starts and keeps the answer.
 */
@ApplicationScoped
public class SchedulePolicyService {

    private static final DecisionTable TABLE = DecisionTable.SCHEDULE_POLICY;

    @Inject
    DecisionTableCatalog catalog;

    /**
     * @param template the campaign template's id (free text: analysts add templates without a redeploy)
     * @param platform the group's platform
     */
    public SchedulePolicyDecision decide(String template, Platform platform) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        ScheduleCase schedule = new ScheduleCase(template, platform);
        SchedulePolicyUnit unit = new SchedulePolicyUnit();
        unit.getSchedules().add(schedule);
        List<String> fired = RuleUnits.fire(TABLE, t.unit(SchedulePolicyUnit.class), unit, schedule::closeRow);
        if (fired.isEmpty()) {
            throw new DecisionTableDefectException(TABLE, "no row covers template '" + template + "' on platform "
                    + platform + "; keep a default row for every platform");
        }
        ScheduleCase.Outcome o = schedule.outcome(t.decidingRow(fired));
        return new SchedulePolicyDecision(o.quietStart(), o.quietEnd(), o.contactCapPerDay(), o.capMode(),
                o.groupPostsPerMonth(), o.oneToOnePerCustomerPerMonth(), o.oneToOneLayers(),
                o.influenceActiveWithinDays(), o.rule(), t.version(), fired);
    }
}
