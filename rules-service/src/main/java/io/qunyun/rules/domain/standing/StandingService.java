package io.qunyun.rules.domain.standing;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;
import io.qunyun.rules.domain.touch.CircleLayer;
import io.qunyun.rules.domain.touch.RelationshipStage;

/**
 * A member's standing in a group from the three tables of MemberStanding, one evaluation each (like
 * Tiers' two). Keeping the stage from going back is member-service's job: it knows the current stage.
 */
@ApplicationScoped
public class StandingService {

    private static final DecisionTable TABLE = DecisionTable.MEMBER_STANDING;

    @Inject
    DecisionTableCatalog catalog;

    public StandingDecision decide(StandingFacts facts) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        List<String> fired = new ArrayList<>();

        StageCase stage = new StageCase(facts);
        String stageRule = run(t, fired, stage, "Stages", unit -> unit.getStages().add(stage));
        ActivityStateCase state = new ActivityStateCase(facts);
        String stateRule = run(t, fired, state, "ActivityStates", unit -> unit.getStates().add(state));
        LayerCase layer = new LayerCase(facts);
        String layerRule = run(t, fired, layer, "Layers", unit -> unit.getLayers().add(layer));

        return new StandingDecision(parse(RelationshipStage.class, stage.outcome(stageRule), stageRule), stageRule,
                parse(ActivityState.class, state.outcome(stateRule), stateRule), stateRule,
                parse(CircleLayer.class, layer.outcome(layerRule), layerRule), layerRule, t.version(),
                List.copyOf(fired));
    }

    /** Fires one of the three tables and returns its deciding row, by the workbook's hit policy (PRIORITY). */
    private String run(CompiledTable t, List<String> fired, StandingOutputs fact, String table, java.util.function.Consumer<StandingUnit> fill) {
        StandingUnit unit = new StandingUnit();
        fill.accept(unit);
        List<String> rows = RuleUnits.fire(TABLE, t.unit(StandingUnit.class), unit, fact::closeRow);
        String deciding = t.decidingRow(rows);
        if (deciding == null) {
            throw new DecisionTableDefectException(TABLE, table + ": no row decides these facts (add a row without "
                    + "conditions as a fallback)");
        }
        fired.addAll(rows);
        return deciding;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String rule) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new DecisionTableDefectException(TABLE, "row '" + rule + "' has unknown " + type.getSimpleName() + " '"
                    + value + "'");
        }
    }

}
