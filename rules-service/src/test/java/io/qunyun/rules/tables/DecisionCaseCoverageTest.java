package io.qunyun.rules.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.check.ConditionSnippet;
import io.qunyun.rules.domain.check.DecisionCases;
import io.qunyun.rules.domain.check.TableChecker;
import io.qunyun.rules.domain.DecisionTableSheet;

/**
 * Every row of every table (rule names read from the workbook) is expected to fire by at least one
 * regression case, and cases only name rows the table has. Writes target/decision-table-check/coverage.txt.
 */
class DecisionCaseCoverageTest {

    @Test
    void everyRowOfEveryTableIsCoveredByACase() throws IOException {
        List<String> report = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (DecisionTable table : DecisionTable.values()) {
            // every RuleTable of the sheet (Tiers: TierWeights and Tiers)
            List<String> rows = DecisionTableSheet.rules(DecisionTableSheet.read(workbook(table), table.tableName())).stream()
                    .map(DecisionTableSheet.Rule::name).toList();
            Path file = DecisionCases.file(table).orElse(null);
            if (file == null) {
                problems.add(table.tableName() + ": no regression cases (" + DecisionCases.DIRECTORY.resolve(table.tableName()
                        + ".csv") + " is missing); rows not covered: " + rows);
                report.add(table.tableName() + ": no cases, 0 of " + rows.size() + " rows covered");
                continue;
            }
            List<DecisionCases.Case> cases = DecisionCases.read(file);
            Set<String> covered = new LinkedHashSet<>();
            for (DecisionCases.Case c : cases) {
                Set<String> named = new LinkedHashSet<>(c.firedRules().orElse(Set.of()));
                String decidedBy = c.expects().getOrDefault(DecisionCases.DECIDED_BY, "");
                if (!decidedBy.isEmpty() && !decidedBy.equals("null")) {
                    named.add(decidedBy);
                }
                for (String row : named) {
                    if (!rows.contains(row)) {
                        problems.add(c.label() + " (" + file + " line " + c.line() + ") names row '" + row
                                + "', which " + table.tableName() + " does not have");
                    }
                }
                covered.addAll(named);
            }
            List<String> uncovered = rows.stream().filter(row -> !covered.contains(row)).toList();
            if (!uncovered.isEmpty()) {
                problems.add(table.tableName() + ": rows not expected to fire by any case in " + file + ": " + uncovered);
            }
            report.add(table.tableName() + ": " + cases.size() + " cases, " + (rows.size() - uncovered.size()) + " of "
                    + rows.size() + " rows covered" + (uncovered.isEmpty() ? "" : "; not covered: " + uncovered));
        }
        Path out = Path.of("target", "decision-table-check", "coverage.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void csvCellsFollowRfc4180() {
        List<List<String>> records = DecisionCases.parse("case,reason\r\n\"a, b\",\"say \"\"hi\"\"\"\nc,\n");
        assertEquals(List.of(List.of("case", "reason"), List.of("a, b", "say \"hi\""), List.of("c", "")), records);
    }

    @Test
    void cellsAreSentAsJsonNumbersBooleansOrText() {
        assertEquals("{\"a\":10,\"b\":true,\"c\":\"007\",\"d\":\"CHECK_IN\",\"e\":null,\"f\":-1,\"g\":\"1,5\"}",
                DecisionCasesTest.body(new java.util.LinkedHashMap<>(java.util.Map.of("a", "10")) {
                    {
                        put("b", "true");
                        put("c", "007");
                        put("d", "CHECK_IN");
                        put("e", "null");
                        put("f", "-1");
                        put("g", "1,5");
                    }
                }));
    }

    @Test
    void answersAreComparedAsText() {
        assertEquals("null", DecisionCasesTest.text(null));
        assertEquals("NO_LIFECYCLE|NO_PLACE", DecisionCasesTest.text(List.of("NO_LIFECYCLE", "NO_PLACE")));
        assertEquals("", DecisionCasesTest.normalise(DecisionCases.NONE));
        assertEquals("", DecisionCasesTest.text(List.of()));
        assertEquals(Set.of("R01 a", "R02 b"), DecisionCases.rows(" R01 a | R02 b "));
        assertEquals(Set.of(), DecisionCases.rows(DecisionCases.NONE));
    }

    static byte[] workbook(DecisionTable table) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(table.resource())) {
            return in.readAllBytes();
        }
    }
}
