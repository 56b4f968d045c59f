package io.qunyun.rules.domain.metrics;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;
import io.qunyun.rules.domain.positioning.GroupType;

/** Decides the group metrics' definitions (window, active, converted) with the one evaluation pattern. */
@ApplicationScoped
public class MetricDefinitionService {

    private static final DecisionTable TABLE = DecisionTable.METRIC_DEFINITIONS;

    @Inject
    DecisionTableCatalog catalog;

    public MetricDefinitionDecision decide(GroupType groupType, int ageHours) {
        io.qunyun.rules.domain.CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        MetricDefinitionCase definitionCase = new MetricDefinitionCase(groupType, ageHours);
        MetricDefinitionUnit unit = new MetricDefinitionUnit();
        unit.getGroups().add(definitionCase);
        List<String> fired = RuleUnits.fire(TABLE, t.unit(MetricDefinitionUnit.class), unit, definitionCase::closeRow);
        if (fired.isEmpty()) {
            throw new DecisionTableDefectException(TABLE, "no row matched (the catch-all row is missing) for "
                    + groupType + ", " + ageHours + " h");
        }
        var decisive = definitionCase.outcome(t.decidingRow(fired));
        return new MetricDefinitionDecision(decisive.windowDays(), decisive.activeTypes(), decisive.convertedTypes(),
                decisive.rule(), t.version(), fired);
    }
}
