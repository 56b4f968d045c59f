package io.qunyun.rules.domain.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableSheet;
import io.qunyun.rules.domain.HitPolicy;
import io.qunyun.rules.domain.TableProblem;

/**
 * Completeness and conflict check of one decision-table workbook, without the rule engine: it reads
 * the decision sheet, interprets each condition snippet ({@link ConditionSnippet}), tries every
 * combination of the table's enumerated inputs and reports
 * <ul>
 * <li>gaps: combinations no row decides (UNIQUE and PRIORITY tables);</li>
 * <li>conflicts: combinations two rows decide (UNIQUE), or where the top priority is shared (PRIORITY);</li>
 * <li>rows that never match, or (PRIORITY) never decide because higher rows always win;</li>
 * <li>cells it cannot read (a typo in an enumerated value, a non-number, an unknown snippet form).</li>
 * </ul>
 * This class reads the workbook and checks what spans its RuleTables (the hit policy the README states, rule
 * names unique in the sheet); each RuleTable is checked by a {@link SheetChecker}, with the values of
 * {@link ValueDomains}.
 */
public final class TableChecker {

    /** Examples listed per kind of problem; the rest are counted. */
    public static final int MAX_EXAMPLES = 8;

    /** More combinations than this are refused (the report asks to declare fewer values). */
    static final long MAX_COMBINATIONS = 20_000_000L;

    private TableChecker() {
    }

    /** The check result of one table; {@link #text()} is what the analyst reads. */
    public record Report(String table, HitPolicy hitPolicy, int rows, List<String> inputs, long combinations,
            long gaps, long conflicts, List<TableProblem> problems) {

        public boolean passed() {
            return problems.isEmpty();
        }

        public String text() {
            StringBuilder text = new StringBuilder();
            text.append(table).append(" (").append(hitPolicy).append(", ").append(rows).append(" rows, ")
                    .append(combinations).append(" combinations of ").append(String.join(", ", inputs)).append("): ");
            if (passed()) {
                text.append(hitPolicy == HitPolicy.COLLECT
                        ? "OK - every combination evaluates; every row matches some combination"
                        : "OK - every combination is decided by exactly one row");
            } else {
                text.append("FAILED - ").append(gaps).append(" gap(s), ").append(conflicts).append(" conflict(s), ")
                        .append(problems.size()).append(" finding(s)");
                for (TableProblem problem : problems) {
                    text.append("\n  ").append(problem.text());
                }
            }
            return text.toString();
        }
    }

    /** Checks the workbook this build ships for {@code table}: one report per RuleTable of its decision sheet. */
    public static List<Report> check(DecisionTable table) {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(table.resource())) {
            return check(table, in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Checks an edited copy of {@code table}'s workbook, with the table's properties file. */
    public static List<Report> check(DecisionTable table, byte[] workbook) {
        return check(table.tableName(), workbook, DecisionTableCatalog.properties(table));
    }

    /**
     * Checks every RuleTable of the decision sheet separately (a sheet may hold several, e.g. Tiers:
     * TierWeights then Tiers), each with the workbook's hit policy; a report is named
     * {@code <sheet>} or, when the RuleTable has another name, {@code <sheet>/<RuleTable>}.
     */
    public static List<Report> check(String tableName, byte[] workbook, Properties properties) {
        HitPolicy policy = HitPolicy.valueOf(properties.getProperty(DecisionTableCatalog.HIT_POLICY, "UNIQUE").trim()
                .toUpperCase(Locale.ROOT));
        List<DecisionTableSheet> sheets;
        try {
            sheets = DecisionTableSheet.read(workbook, tableName);
        } catch (RuntimeException e) {
            return List.of(new Report(tableName, policy, 0, List.of(), 0, 0, 0,
                    List.of(TableProblem.of(tableName, "无法读取工作簿：" + e.getMessage(), "cannot read the workbook: " + e.getMessage()))));
        }
        String stated = statedHitPolicy(workbook);
        Set<String> earlier = new HashSet<>(); // rule names of the RuleTables above
        List<Report> reports = new ArrayList<>();
        for (DecisionTableSheet sheet : sheets) {
            String name = sheet.name().isEmpty() || sheet.name().equals(tableName) ? tableName : tableName + "/" + sheet.name();
            Report report = new SheetChecker(name, policy, sheet, properties).run();
            List<TableProblem> problems = new ArrayList<>(report.problems());
            if (stated != null && !stated.equals(policy.name())) {
                problems.add(0, TableProblem.of("README", "README 工作表写的命中规则是 " + stated + "，但 " + tableName
                        + ".drl.xlsx.properties 写的是 " + policy + "（服务使用后者）：请保持一致",
                        "the README sheet says hit policy " + stated + " but " + tableName
                        + ".drl.xlsx.properties says " + policy + " (the service uses the properties file): make them agree"));
            }
            for (DecisionTableSheet.Rule rule : sheet.rules()) {
                if (earlier.contains(rule.name())) {
                    problems.add(TableProblem.at(tableName, rule, null, "规则名在本工作表的另一张表中也出现了；名称在工作表内必须唯一",
                            "the name '" + rule.name() + "' is also used in another table of the sheet; names must be unique in the sheet"));
                }
            }
            sheet.rules().forEach(rule -> earlier.add(rule.name()));
            reports.add(problems.size() == report.problems().size() ? report
                    : new Report(report.table(), report.hitPolicy(), report.rows(), report.inputs(), report.combinations(),
                            report.gaps(), report.conflicts(), List.copyOf(problems)));
        }
        return List.copyOf(reports);
    }

    /** The hit policy the README sheet states in a cell "Hit policy ... = X", if any. */
    public static String statedHitPolicy(byte[] workbook) {
        org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
        try (org.apache.poi.ss.usermodel.Workbook book = org.apache.poi.ss.usermodel.WorkbookFactory
                .create(new java.io.ByteArrayInputStream(workbook))) {
            org.apache.poi.ss.usermodel.Sheet readme = book.getSheet("README");
            if (readme == null) {
                return null;
            }
            for (org.apache.poi.ss.usermodel.Row row : readme) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    java.util.regex.Matcher stated = java.util.regex.Pattern.compile("^Hit policy.*=\\s*([A-Z]+)\\s*$")
                            .matcher(formatter.formatCellValue(cell).trim());
                    if (stated.matches()) {
                        return stated.group(1);
                    }
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
