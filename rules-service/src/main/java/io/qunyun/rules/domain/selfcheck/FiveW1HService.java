package io.qunyun.rules.domain.selfcheck;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.drools.ruleunits.api.RuleUnit;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.RuleUnits;

/** The 5W1H self-check: every matching FiveW1H row adds one finding. */
@ApplicationScoped
public class FiveW1HService {

    private static final DecisionTable TABLE = DecisionTable.FIVE_W_ONE_H;

    // firing order among independent rows is an engine detail: answer in a stable order instead
    private static final Comparator<Finding> MOST_SEVERE_FIRST =
            Comparator.comparing(Finding::severity).thenComparing(Finding::rule);

    @Inject
    RuleUnit<FiveW1HUnit> ruleUnit;

    @Inject
    DecisionTableCatalog catalog;

    public FiveW1HDecision check(FiveW1HAnswers answers) {
        SelfCheck check = new SelfCheck(answers);
        FiveW1HUnit unit = new FiveW1HUnit();
        unit.getChecks().add(check);
        List<String> fired = RuleUnits.fire(TABLE, ruleUnit, unit, check::closeFinding);
        List<Finding> findings = check.findings().stream().sorted(MOST_SEVERE_FIRST).toList();
        boolean blocked = findings.stream().anyMatch(f -> f.severity() == Severity.BLOCK);
        return new FiveW1HDecision(blocked, findings, catalog.version(TABLE), fired.stream().sorted().toList());
    }
}
