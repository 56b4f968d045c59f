package io.qunyun.rules.domain.admission;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;
import io.qunyun.rules.domain.positioning.GroupType;

/** Whether a former member may rejoin a group, and whether screened again: the Admission table. */
@ApplicationScoped
public class AdmissionService {

    private static final DecisionTable TABLE = DecisionTable.ADMISSION;

    @Inject
    DecisionTableCatalog catalog;

    public RejoinDecision rejoin(ExitKind previousExitKind, boolean hadReason, int daysSinceExit, GroupType groupType) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        RejoinCase rejoin = new RejoinCase(previousExitKind, hadReason, daysSinceExit, groupType);
        AdmissionUnit unit = new AdmissionUnit();
        unit.getRejoins().add(rejoin);
        List<String> fired = RuleUnits.fire(TABLE, t.unit(AdmissionUnit.class), unit, rejoin::closeRow);
        String deciding = t.decidingRow(fired);
        if (deciding == null) {
            throw new DecisionTableDefectException(TABLE, "no row covers previous exit " + previousExitKind
                    + ", " + daysSinceExit + " days since, group type " + groupType);
        }
        RejoinCase.Outcome outcome = rejoin.outcome(deciding);
        return new RejoinDecision(outcome.allowed(), outcome.screeningRequired(), outcome.reason(), deciding,
                t.version(), fired);
    }
}
