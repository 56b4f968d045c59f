package io.qunyun.rules.domain.positioning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;

/**
 * Places a group on the AIDASS path: asks the GroupPositioning table for type, lifespan, intensity,
 * metric. Rows may overlap; the table's hit policy (PRIORITY) says which fired row decides.
 */
@ApplicationScoped
public class PositioningService {

    private static final DecisionTable TABLE = DecisionTable.GROUP_POSITIONING;

    @Inject
    DecisionTableCatalog catalog;

    public PositioningDecision decide(AidassStage from, AidassStage to, boolean screened) {
        return decide(from, to, new PositioningHints(screened, false, false, false, null));
    }

    public PositioningDecision decide(AidassStage from, AidassStage to, PositioningHints hints) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        PositioningCase positioningCase = new PositioningCase(from, to, hints);
        PositioningUnit unit = new PositioningUnit();
        unit.getCases().add(positioningCase);
        Map<String, PositioningCase.Outputs> outputs = new HashMap<>();
        List<String> fired = RuleUnits.fire(t.unit(PositioningUnit.class), unit, rule -> outputs.put(rule, positioningCase.takeOutputs()));
        String decidedBy = t.decidingRow(fired);
        PositioningCase.Outputs decision = decidedBy == null
                ? new PositioningCase.Outputs(null, null, null, null)
                : outputs.get(decidedBy);
        GroupType type = parse(GroupType.class, decision.type(), "type", decidedBy);
        if (type == null) {
            // an unclassified span: the deciding row (the fallback) must not half-classify it
            if (decision.lifespanHours() != null || decision.intensity() != null || decision.primaryMetric() != null) {
                throw new DecisionTableDefectException(TABLE, "row '" + decidedBy + "' sets outputs but no type");
            }
            return new PositioningDecision(null, null, null, null, t.version(), fired, decidedBy);
        }
        return new PositioningDecision(
                type,
                decision.lifespanHours(),
                required(parse(Intensity.class, decision.intensity(), "intensity", decidedBy), "intensity", decidedBy),
                required(parse(PrimaryMetric.class, decision.primaryMetric(), "primary metric", decidedBy), "primary metric",
                        decidedBy),
                t.version(),
                fired,
                decidedBy);
    }

    private static <T> T required(T value, String column, String row) {
        if (value == null) {
            throw new DecisionTableDefectException(TABLE, "row '" + row + "' sets a type but no " + column);
        }
        return value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String column, String row) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new DecisionTableDefectException(TABLE, "row '" + row + "' has unknown " + column + " '" + value + "'");
        }
    }
}
