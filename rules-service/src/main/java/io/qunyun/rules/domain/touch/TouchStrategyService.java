package io.qunyun.rules.domain.touch;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;
import io.qunyun.rules.domain.positioning.GroupType;

/**
 * How to reach a member: the TouchStrategy rows that match fire highest priority first; the table's hit
 * policy, applied by {@link DecisionTableCatalog#decidingRow}, says which one decides.
 */
@ApplicationScoped
public class TouchStrategyService {

    private static final DecisionTable TABLE = DecisionTable.TOUCH_STRATEGY;

    @Inject
    DecisionTableCatalog catalog;

    public TouchDecision decide(RelationshipStage stage, CircleLayer layer, GroupType groupType) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        TouchCase touchCase = new TouchCase(stage, layer, groupType);
        TouchUnit unit = new TouchUnit();
        unit.getTouches().add(touchCase);
        List<String> fired = RuleUnits.fire(TABLE, t.unit(TouchUnit.class), unit, touchCase::closeRow);
        if (fired.isEmpty()) {
            throw new DecisionTableDefectException(TABLE, "no row covers stage " + stage + ", layer " + layer
                    + ", group type " + groupType);
        }
        // the table's hit policy (PRIORITY) picks the deciding row, as for every table
        TouchOutcome decisive = touchCase.outcome(t.decidingRow(fired));
        return new TouchDecision(decisive.action(), decisive.channel(), decisive.ownerRole(), decisive.priority(),
                decisive.rule(), t.version(), fired);
    }
}
