package io.qunyun.rules.domain.health;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.RuleUnits;

/**
 * Judges a group's health. Rows overlap by design (a dead group past its lifespan matches several);
 * rows fire highest priority first (so {@code firedRules} lists them that way) and the table's hit
 * policy, applied by {@link DecisionTableCatalog#decidingRow}, says which one decides.
 * The single code path for {@code POST /decisions/group-health} and the {@code group-metrics} consumer.
 */
@ApplicationScoped
public class GroupHealthService {

    private static final DecisionTable TABLE = DecisionTable.GROUP_HEALTH;

    @Inject
    DecisionTableCatalog catalog;

    public GroupHealthDecision decide(GroupMetrics metrics) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        HealthCase healthCase = new HealthCase(metrics);
        GroupHealthUnit unit = new GroupHealthUnit();
        unit.getGroups().add(healthCase);
        List<String> fired = RuleUnits.fire(TABLE, t.unit(GroupHealthUnit.class), unit, healthCase::closeRow);
        if (fired.isEmpty()) {
            throw new DecisionTableDefectException(TABLE, "no row matched (the catch-all OK row is missing) for " + metrics);
        }
        // the table's hit policy (PRIORITY) picks the deciding row, as for every table
        HealthOutcome decisive = healthCase.outcome(t.decidingRow(fired));
        return new GroupHealthDecision(decisive.verdict(), decisive.reviveKind(), decisive.message(),
                metrics.pastLifespan(), decisive.rule(), t.version(), fired);
    }
}
