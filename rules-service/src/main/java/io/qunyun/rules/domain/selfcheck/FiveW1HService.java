package io.qunyun.rules.domain.selfcheck;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.qunyun.rules.domain.CompiledTable;
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
    DecisionTableCatalog catalog;

    public FiveW1HDecision check(FiveW1HAnswers answers) {
        CompiledTable t = catalog.active(TABLE); // one version for the whole decision
        SelfCheck check = new SelfCheck(answers);
        FiveW1HUnit unit = new FiveW1HUnit();
        unit.getChecks().add(check);
        List<String> fired = RuleUnits.fire(TABLE, t.unit(FiveW1HUnit.class), unit, check::closeFinding);
        List<Finding> findings = check.findings().stream().sorted(MOST_SEVERE_FIRST).toList();
        boolean blocked = findings.stream().anyMatch(f -> f.severity() == Severity.BLOCK);
        return new FiveW1HDecision(blocked, findings, t.version(), fired.stream().sorted().toList());
    }
}
