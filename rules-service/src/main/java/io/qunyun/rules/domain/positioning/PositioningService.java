package io.qunyun.rules.domain.positioning;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.drools.ruleunits.api.RuleUnit;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;

/** Places a group on the AIDASS path: asks the GroupPositioning table for type, lifespan, intensity, metric. */
@ApplicationScoped
public class PositioningService {

    private static final DecisionTable TABLE = DecisionTable.GROUP_POSITIONING;

    @Inject
    RuleUnit<PositioningUnit> ruleUnit;

    @Inject
    DecisionTableCatalog catalog;

    public PositioningDecision decide(AidassStage from, AidassStage to, boolean screened) {
        PositioningCase positioningCase = new PositioningCase(from, to, screened);
        PositioningUnit unit = new PositioningUnit();
        unit.getCases().add(positioningCase);
        List<String> fired = RuleUnits.fire(ruleUnit, unit);
        if (fired.size() > 1) {
            // rows must be mutually exclusive; picking one silently would hide the table defect
            throw new DecisionTableDefectException(TABLE, "rows overlap for " + from + ".." + to + ": " + fired);
        }
        return new PositioningDecision(
                parse(GroupType.class, positioningCase.getType(), "type", fired),
                positioningCase.getLifespanHours(),
                parse(Intensity.class, positioningCase.getIntensity(), "intensity", fired),
                parse(PrimaryMetric.class, positioningCase.getPrimaryMetric(), "primary metric", fired),
                catalog.version(TABLE),
                fired);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String column, List<String> fired) {
        if (value == null) {
            if (!fired.isEmpty()) {
                throw new DecisionTableDefectException(TABLE, "row " + fired + " has no " + column);
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new DecisionTableDefectException(TABLE, "row " + fired + " has unknown " + column + " '" + value + "'");
        }
    }
}
