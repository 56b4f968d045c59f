package io.qunyun.rules.domain.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.qunyun.rules.domain.CompiledTable;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.DecisionTableSheet;
import io.qunyun.rules.domain.TableCompileException;
import io.qunyun.rules.domain.TableCompiler;
import io.qunyun.rules.domain.TableProblem;

/**
 * The one check of a decision-table workbook, used by the upload endpoint, by {@code scripts/check-tables}
 * and in CI (WorkbookCheckTest): compile it, check completeness and conflicts, run the table's regression
 * cases against it, diff its rows against the version in use and list the regression cases whose decision
 * it changes. Nothing is activated: the workbook answers only inside this check, on this thread. Before any of that
 * the {@link WorkbookGuard} admits the workbook (or refuses it): only its data cells may differ from the built-in one.
 */
@ApplicationScoped
public class WorkbookCheck {

    /** A regression case whose answer differs between the version in use and the checked workbook. */
    public record ChangedDecision(String caseName, Map<String, String> inputs, JsonNode before, JsonNode after) {
    }

    public record Result(String table, String version, String comparedWith, boolean compiled, boolean complete,
            boolean casesPassed, boolean passed, List<TableProblem> compileProblems, List<TableChecker.Report> completeness,
            int casesRun, int casesNotAffected, List<String> caseFailures, RowDiff diff, List<ChangedDecision> changedDecisions,
            long millis) {

        /** What the analyst reads in a terminal. */
        public String text() {
            StringBuilder text = new StringBuilder();
            text.append("== ").append(table).append(" ").append(version).append(" (compared with ").append(comparedWith)
                    .append(")\n");
            text.append(compiled ? "Compile: OK\n" : "Compile: FAILED 编译失败\n");
            compileProblems.forEach(p -> text.append("  ").append(p.text()).append('\n'));
            completeness.forEach(r -> text.append(r.text()).append('\n'));
            text.append("Regression cases: ").append(casesRun - caseFailures.size()).append(" passed, ").append(caseFailures.size())
                    .append(" failed").append(casesNotAffected > 0 ? ", " + casesNotAffected + " about request validation (not run)" : "")
                    .append('\n');
            caseFailures.forEach(f -> text.append("  FAILED: ").append(f).append('\n'));
            text.append("Rows: ").append(diff.added().size()).append(" added, ").append(diff.removed().size()).append(" removed, ")
                    .append(diff.changed().size()).append(" changed\n");
            diff.added().forEach(r -> text.append("  + ").append(r.rule()).append(" (row ").append(r.rowAfter()).append(")\n"));
            diff.removed().forEach(r -> text.append("  - ").append(r.rule()).append(" (was row ").append(r.rowBefore()).append(")\n"));
            diff.changed().forEach(r -> r.cells().forEach(c -> text.append("  ~ ").append(r.rule()).append(" row ").append(r.rowAfter())
                    .append(", '").append(c.column()).append("': ").append(c.before()).append(" -> ").append(c.after()).append('\n')));
            text.append("Decisions that change on the regression cases: ").append(changedDecisions.size()).append('\n');
            changedDecisions.forEach(d -> text.append("  ").append(d.caseName()).append(": ").append(d.before()).append(" -> ")
                    .append(d.after()).append('\n'));
            text.append(passed ? "ALL CHECKS PASSED" : "CHECKS FAILED").append(" (").append(millis).append(" ms)\n");
            return text.toString();
        }
    }

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    DecisionProbe probe;

    @Inject
    WorkbookGuard guard;

    public Result check(DecisionTable table, byte[] workbook) {
        return check(table, workbook, module -> {
        });
    }

    /**
     * As {@link #check(DecisionTable, byte[])}, handing the compiled workbook to {@code compiled} when it compiles (the
     * upload stores it, so that publishing it loads it on every instance instead of compiling it again).
     */
    public Result check(DecisionTable table, byte[] workbook, Consumer<TableCompiler.Module> compiled) {
        long start = System.nanoTime();
        List<TableProblem> notValues = guard.admit(table, workbook); // throws before anything is compiled
        CompiledTable current = catalog.active(table);
        String version = TableCompiler.sha256(workbook);
        List<TableChecker.Report> completeness = TableChecker.check(table.tableName(), workbook,
                DecisionTableCatalog.properties(table));
        RowDiff diff;
        try {
            diff = RowDiff.between(current.sheets(), DecisionTableSheet.read(workbook, table.tableName()));
        } catch (RuntimeException e) {
            diff = new RowDiff(List.of(), List.of(), List.of());
        }
        CompiledTable candidate = null;
        List<TableProblem> compileProblems = notValues;
        try {
            if (!notValues.isEmpty()) {
                throw new TableCompileException(table, notValues); // a cell of the wrong form is never compiled
            }
            TableCompiler.Module module = TableCompiler.build(Map.of(table, DecisionTableCatalog.source(table, workbook)));
            candidate = TableCompiler.load(module).get(table);
            compiled.accept(module);
        } catch (TableCompileException e) {
            compileProblems = e.problems();
        }
        int run = 0;
        int notAffected = 0;
        List<String> failures = new ArrayList<>();
        List<ChangedDecision> changed = new ArrayList<>();
        if (candidate != null) {
            CompiledTable checked = candidate;
            for (DecisionCases.Case c : DecisionCases.of(table)) {
                String status = c.expects().getOrDefault(DecisionCases.STATUS, "");
                if (!status.isEmpty() && !status.equals("200")) {
                    notAffected++; // the request is refused before any table is asked
                    continue;
                }
                run++;
                Optional<JsonNode> before = ask(table, c, null, failures);
                Optional<JsonNode> after = ask(table, c, checked, failures);
                if (after.isEmpty()) {
                    continue;
                }
                CaseOutcome outcome = CaseOutcome.compare(c, after.get());
                if (!outcome.passed()) {
                    failures.add(outcome.text());
                }
                if (before.isPresent() && !withoutVersion(before.get()).equals(withoutVersion(after.get()))) {
                    changed.add(new ChangedDecision(c.name(), c.inputs(), withoutVersion(before.get()), withoutVersion(after.get())));
                }
            }
        }
        boolean compiles = candidate != null;
        boolean complete = completeness.stream().allMatch(TableChecker.Report::passed);
        boolean casesPassed = compiles && failures.isEmpty();
        return new Result(table.tableName(), version, current.version(), compiles, complete, casesPassed,
                compiles && complete && casesPassed, compileProblems, completeness, run, notAffected, List.copyOf(failures), diff,
                List.copyOf(changed), (System.nanoTime() - start) / 1_000_000);
    }

    private Optional<JsonNode> ask(DecisionTable table, DecisionCases.Case c, CompiledTable candidate, List<String> failures) {
        try {
            return candidate == null ? probe.ask(table, c.inputs())
                    : catalog.withCandidate(candidate, () -> probe.ask(table, c.inputs()));
        } catch (DecisionTableDefectException e) {
            if (candidate != null) {
                failures.add(c.label() + " (" + c.table() + ".csv line " + c.line() + "): " + e.getMessage());
            }
            return Optional.empty();
        }
    }

    private static JsonNode withoutVersion(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("tableVersion");
        }
        return copy;
    }
}
