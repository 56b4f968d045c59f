package io.qunyun.rules.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.check.ConditionSnippet;
import io.qunyun.rules.domain.check.DecisionCases;
import io.qunyun.rules.domain.check.TableChecker;

/**
 * Completeness and conflict check of every table this build ships (the report goes to
 * target/decision-table-check/completeness.txt, which scripts/check-tables prints), and proof that
 * the check fails on a broken copy of a workbook, built here with POI into target/.
 */
class DecisionTableCheckTest {

    static final Path REPORTS = Path.of("target", "decision-table-check");
    static final List<String> REPORT = new ArrayList<>();

    @Test
    void everyShippedTableIsCompleteAndFreeOfConflicts() {
        List<String> failed = new ArrayList<>();
        for (DecisionTable table : DecisionTable.values()) {
            for (TableChecker.Report report : TableChecker.check(table)) {
                REPORT.add(report.text());
                if (!report.passed()) {
                    failed.add(report.text());
                }
            }
        }
        assertTrue(failed.isEmpty(), () -> "Decision tables with gaps or conflicts:\n" + String.join("\n", failed));
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (!REPORT.isEmpty()) {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve("completeness.txt"), String.join("\n", REPORT) + "\n", StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRemovedRowIsAGapThatNamesTheMissingCombination() throws Exception {
        byte[] edited = save("Rewards-without-R05.drl.xlsx", removeRow(workbook(DecisionTable.REWARDS), "Rewards", "R05 purchase"));
        TableChecker.Report report = only(TableChecker.check(DecisionTable.REWARDS, edited));
        assertFalse(report.passed(), report.text());
        assertTrue(report.gaps() > 0, report.text());
        assertTrue(report.problems().get(0).en().startsWith("sheet Rewards: gap: no row decides activityType=PURCHASE "), report.text());
        assertTrue(report.text().contains("more combination(s) no row decides"), report.text());
        // the purchase rows that remain only decide with their context: they are fine
        assertEquals(0, report.conflicts(), report.text());
    }

    @Test
    void removingTheFallbackRowLeavesUnclassifiedSpansUndecided() throws Exception {
        byte[] edited = save("GroupPositioning-without-fallback.drl.xlsx",
                removeRow(workbook(DecisionTable.GROUP_POSITIONING), "GroupPositioning", "P99 unclassified fallback"));
        TableChecker.Report report = only(TableChecker.check(DecisionTable.GROUP_POSITIONING, edited));
        assertFalse(report.passed(), report.text());
        assertTrue(report.problems().get(0).en().startsWith("sheet GroupPositioning: gap: no row decides fromStage=ATTENTION toStage=ATTENTION "
                + "screened=true paidEntry=true regional=true partnership=false"), report.text());
    }

    @Test
    void anOverlappingRowWithTheSamePriorityIsAConflictNamingBothRows() throws Exception {
        byte[] edited = save("Rewards-duplicate-purchase.drl.xlsx",
                copyRow(workbook(DecisionTable.REWARDS), "Rewards", "R05 purchase", "R99 purchase again"));
        TableChecker.Report report = only(TableChecker.check(DecisionTable.REWARDS, edited));
        assertFalse(report.passed(), report.text());
        assertEquals(0, report.gaps(), report.text());
        assertTrue(report.conflicts() > 0, report.text());
        assertTrue(report.text().contains("conflict: rows 'R05 purchase' and 'R99 purchase again' match together with the "
                + "same priority 10"), report.text());
        assertTrue(report.text().contains("e.g. activityType=PURCHASE"), report.text());
    }

    @Test
    void aRowAlwaysOutrankedIsReportedAsNeverDeciding() throws Exception {
        byte[] copied = copyRow(workbook(DecisionTable.REWARDS), "Rewards", "R05 purchase", "R98 purchase shadowed");
        byte[] edited = save("Rewards-shadowed.drl.xlsx", setCell(copied, "Rewards", "R98 purchase shadowed", 1, "5"));
        TableChecker.Report report = only(TableChecker.check(DecisionTable.REWARDS, edited));
        assertFalse(report.passed(), report.text());
        assertTrue(report.text().contains("'R98 purchase shadowed' never decides"), report.text());
    }

    @Test
    void aTypoInAnEnumeratedValueIsNamedWithRowAndColumn() throws Exception {
        byte[] edited = save("GroupPositioning-typo.drl.xlsx", setCell(workbook(DecisionTable.GROUP_POSITIONING),
                "GroupPositioning", "P01 lead group interest to desire", 2, "INTERSET"));
        TableChecker.Report report = only(TableChecker.check(DecisionTable.GROUP_POSITIONING, edited));
        assertFalse(report.passed(), report.text());
        assertTrue(report.text().contains("row 9 'P01 lead group interest to desire', column 'from stage 起始阶段': "
                + "'INTERSET' is not one of [ATTENTION, INTEREST"), report.text());
    }

    @Test
    void outputCellsThatCannotWorkAreNamedWithRowAndColumn() throws Exception {
        byte[] edited = save("Rewards-text-points.drl.xlsx",
                setCell(workbook(DecisionTable.REWARDS), "Rewards", "R05 purchase", 8, "fifty"));
        TableChecker.Report report = only(TableChecker.check(DecisionTable.REWARDS, edited));
        assertFalse(report.passed(), report.text());
        assertTrue(report.text().contains("row 13 'R05 purchase', column 'base points 基础积分': 'fifty' is not a whole number"),
                report.text());

        byte[] typo = save("GroupPositioning-type-typo.drl.xlsx", setCell(workbook(DecisionTable.GROUP_POSITIONING),
                "GroupPositioning", "P01 lead group interest to desire", 9, "LAED"));
        TableChecker.Report typoReport = only(TableChecker.check(DecisionTable.GROUP_POSITIONING, typo));
        assertTrue(typoReport.text().contains("column 'type 群类型': 'LAED' is not one of [LEAD, CONVERSION"),
                typoReport.text());
    }

    @Test
    void aSnippetTheCheckerCannotInterpretIsRejectedNotGuessed() throws Exception {
        byte[] edited = save("Rewards-snippet.drl.xlsx",
                setSnippet(workbook(DecisionTable.REWARDS), "Rewards", 2, "activityType matches \"$param\""));
        TableChecker.Report report = only(TableChecker.check(DecisionTable.REWARDS, edited));
        assertFalse(report.passed(), report.text());
        assertTrue(report.text().contains("cannot interpret the snippet `activityType matches \"$param\"`"), report.text());
    }

    @Test
    void theReadmeSheetMustStateTheHitPolicyThePropertiesDeclare() throws Exception {
        assertEquals("PRIORITY", TableChecker.statedHitPolicy(workbook(DecisionTable.REWARDS)));
        assertEquals("COLLECT", TableChecker.statedHitPolicy(workbook(DecisionTable.FIVE_W_ONE_H)));
        java.util.Properties unique = new java.util.Properties();
        unique.setProperty("qunyun.hit-policy", "UNIQUE");
        TableChecker.Report report = only(TableChecker.check("Rewards", workbook(DecisionTable.REWARDS), unique));
        assertTrue(report.text().contains("the README sheet says hit policy PRIORITY but Rewards.drl.xlsx.properties says "
                + "UNIQUE"), report.text());
    }

    @Test
    void snippetForms() {
        ConditionSnippet guarded = ConditionSnippet.parse("lifecycleHours != null && lifecycleHours > $param");
        assertTrue(guarded.nullGuard());
        assertFalse(guarded.test(null, 48));
        assertFalse(guarded.test(48, 48));
        assertTrue(guarded.test(49, 48));
        ConditionSnippet notEqual = ConditionSnippet.parse("how != \"$param\"");
        assertTrue(notEqual.quoted());
        assertTrue(notEqual.test(null, "PAID_ENTRY"), "absent differs from every value");
        assertFalse(notEqual.test("PAID_ENTRY", "PAID_ENTRY"));
        assertTrue(ConditionSnippet.parse("priorOffences >= $param").test(2, 2));
        assertFalse(ConditionSnippet.parse("priorOffences < $param").test(2, 2));
        assertTrue(ConditionSnippet.parse("x <= $param").test(2, 2));
        assertFalse(ConditionSnippet.parse("x > $param").test(null, 2), "ordering never matches absent");
        assertTrue(ConditionSnippet.parse("screened == $param").test(true, true));
        ConditionSnippet ratio = ConditionSnippet.parse("activeRatio < $param");
        assertTrue(ratio.test(0.199, 0.2));
        assertFalse(ratio.test(0.2, 0.2));
        assertTrue(ConditionSnippet.parse("days == $param").test(7, 7.0), "numbers compare by value");
        assertFalse(ConditionSnippet.parse("screened == $param").test(null, false), "absent is not false");
    }

    @Test
    void theCheckerIsGenericOverFactFieldTypes() throws Exception {
        // a table of another unit, built here: decimals, longs, enums and a UNIQUE hit policy
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("qunyun.hit-policy", "UNIQUE");
        byte[] workbook = save("Synthetic.drl.xlsx", SyntheticTable.workbook());
        TableChecker.Report report = only(TableChecker.check("Synthetic", workbook, properties));
        assertTrue(report.passed(), report.text());
        assertEquals(List.of("ratio", "count", "stage"), report.inputs());

        byte[] overlapping = save("Synthetic-overlap.drl.xlsx", copyRow(workbook, "Synthetic", "S01 low ratio", "S09 low again"));
        TableChecker.Report conflict = only(TableChecker.check("Synthetic", overlapping, properties));
        assertTrue(conflict.text().contains("conflict: rows 'S01 low ratio' and 'S09 low again' match together "
                + "(hit policy UNIQUE: rows must not overlap)"), conflict.text());
    }

    @Test
    void eachRuleTableOfASheetIsCheckedOnItsOwn() throws Exception {
        List<TableChecker.Report> reports = TableChecker.check(DecisionTable.TIERS);
        assertEquals(List.of("Tiers/TierWeights", "Tiers"), reports.stream().map(TableChecker.Report::table).toList());
        assertEquals(List.of("kind"), reports.get(0).inputs());
        assertEquals(List.of("growthValue"), reports.get(1).inputs());
        assertEquals(List.of(3, 4), reports.stream().map(TableChecker.Report::rows).toList());

        // a tier row removed from the middle leaves a growth range no row decides; the weights are unaffected
        byte[] edited = save("Tiers-without-T05.drl.xlsx", removeRow(workbook(DecisionTable.TIERS), "Tiers", "T05 active"));
        List<TableChecker.Report> gap = TableChecker.check(DecisionTable.TIERS, edited);
        assertTrue(gap.get(0).passed(), gap.get(0).text());
        assertFalse(gap.get(1).passed(), gap.get(1).text());
        assertTrue(gap.get(1).problems().get(0).en().startsWith("sheet Tiers: gap: no row decides growthValue=300"), gap.get(1).text());
    }

    /** The report of a sheet that holds one RuleTable. */
    static TableChecker.Report only(List<TableChecker.Report> reports) {
        assertEquals(1, reports.size(), reports.toString());
        return reports.get(0);
    }

    // --- building edited copies with POI ---------------------------------------------------------

    static byte[] workbook(DecisionTable table) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(table.resource())) {
            return in.readAllBytes();
        }
    }

    static byte[] save(String name, byte[] workbook) throws IOException {
        Path dir = Path.of("target", "decision-table-check", "edited");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), workbook);
        return workbook;
    }

    interface Edit {
        void apply(Sheet sheet, Row rule) throws IOException;
    }

    static byte[] edit(byte[] workbook, String sheetName, String ruleName, Edit edit) throws IOException {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet(sheetName);
            Row rule = find(sheet, ruleName);
            edit.apply(sheet, rule);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    static Row find(Sheet sheet, String ruleName) {
        DataFormatter formatter = new DataFormatter();
        for (Row row : sheet) {
            if (row.getCell(0) != null && formatter.formatCellValue(row.getCell(0)).equals(ruleName)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row " + ruleName);
    }

    static byte[] removeRow(byte[] workbook, String sheetName, String ruleName) throws IOException {
        return edit(workbook, sheetName, ruleName, (sheet, rule) -> {
            int r = rule.getRowNum();
            sheet.removeRow(rule);
            if (r < sheet.getLastRowNum()) {
                sheet.shiftRows(r + 1, sheet.getLastRowNum(), -1);
            }
        });
    }

    /** Appends a copy of a rule row under the last rule, with a new name. */
    static byte[] copyRow(byte[] workbook, String sheetName, String ruleName, String newName) throws IOException {
        return edit(workbook, sheetName, ruleName, (sheet, rule) -> {
            int last = rule.getRowNum();
            while (sheet.getRow(last + 1) != null && sheet.getRow(last + 1).getCell(0) != null
                    && !sheet.getRow(last + 1).getCell(0).toString().isBlank()) {
                last++;
            }
            Row copy = sheet.createRow(last + 1);
            for (Cell cell : rule) {
                Cell target = copy.createCell(cell.getColumnIndex());
                switch (cell.getCellType()) {
                    case NUMERIC -> target.setCellValue(cell.getNumericCellValue());
                    case BOOLEAN -> target.setCellValue(cell.getBooleanCellValue());
                    default -> target.setCellValue(cell.toString());
                }
            }
            copy.getCell(0).setCellValue(newName);
        });
    }

    static byte[] setCell(byte[] workbook, String sheetName, String ruleName, int column, String value) throws IOException {
        return edit(workbook, sheetName, ruleName, (sheet, rule) -> {
            Cell cell = rule.getCell(column) == null ? rule.createCell(column) : rule.getCell(column);
            if (value.matches("-?\\d+")) {
                cell.setCellValue(Integer.parseInt(value));
            } else {
                cell.setCellValue(value);
            }
        });
    }

    /** Replaces the code snippet of a column (the row above the labels, i.e. 2 rows above the first rule). */
    static byte[] setSnippet(byte[] workbook, String sheetName, int column, String snippet) throws IOException {
        return edit(workbook, sheetName, firstRule(workbook, sheetName), (sheet, rule) -> {
            Row snippets = sheet.getRow(rule.getRowNum() - 2);
            Cell cell = snippets.getCell(column);
            cell.setCellType(CellType.STRING);
            cell.setCellValue(snippet);
        });
    }

    static String firstRule(byte[] workbook, String sheetName) {
        return io.qunyun.rules.domain.DecisionTableSheet.read(workbook, sheetName).get(0).rules().get(0).name();
    }
}
