package io.qunyun.rules.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.TableProblem;
import io.qunyun.rules.domain.check.RowDiff;
import io.qunyun.rules.domain.check.WorkbookCheck;

/**
 * The one workbook check (main code: {@link WorkbookCheck}, also behind the upload endpoint) on every
 * built-in workbook — this is what CI and {@code scripts/check-tables} run — and on workbooks saved by
 * LibreOffice Calc (src/test/resources/workbooks/libreoffice, made by scripts/libreoffice-fixtures), whose
 * booleans are formulas ({@code TRUE()}) with cached values.
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "analyst-test", roles = "admin")
class WorkbookCheckTest {

    static final Path LIBREOFFICE = Path.of("src", "test", "resources", "workbooks", "libreoffice");
    static final Path REPORT = Path.of("target", "decision-table-check", "workbooks.txt");

    @Inject
    WorkbookCheck check;

    @Test
    void everyBuiltInWorkbookPassesTheCheck() throws IOException {
        List<String> failed = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (DecisionTable table : DecisionTable.values()) {
            byte[] workbook = Files.readAllBytes(Path.of("src", "main", "resources", table.resource()));
            WorkbookCheck.Result result = check.check(table, workbook);
            report.append(result.text()).append('\n');
            if (!result.passed()) {
                failed.add(result.text());
            }
            assertTrue(result.diff().empty(), "the built-in workbook is the version in use: " + result.text());
        }
        // scripts/check-tables prints this file
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report.toString(), StandardCharsets.UTF_8);
        assertTrue(failed.isEmpty(), String.join("\n", failed));
    }

    @Test
    void everyWorkbookSavedByLibreOfficeUnchangedPassesWithNoFinding() throws IOException {
        List<DecisionTable> formulaBooleans = new ArrayList<>();
        for (DecisionTable table : DecisionTable.values()) {
            byte[] saved = Files.readAllBytes(LIBREOFFICE.resolve(table.fileName()));
            String sheets = new String(unzipSheets(saved), StandardCharsets.UTF_8);
            if (sheets.contains("TRUE()") || sheets.contains("FALSE()")) {
                formulaBooleans.add(table);
            }
            WorkbookCheck.Result result = check.check(table, saved);
            assertTrue(result.passed(), result.text());
            assertTrue(result.diff().empty(), "same rows and cells as the built-in workbook: " + result.text());
            assertTrue(result.changedDecisions().isEmpty(), result.text());
        }
        // the tables with boolean cells: Calc wrote them as formulas, the form that used to break the check
        assertTrue(formulaBooleans.containsAll(List.of(DecisionTable.REWARDS, DecisionTable.GROUP_POSITIONING)),
                "tables saved with TRUE()/FALSE() formulas: " + formulaBooleans);
    }

    @Test
    void r02MultiplierRaisedInLibreOfficeIsOneChangedCellAndChangesTheInGroupCheckIns() throws IOException {
        WorkbookCheck.Result result = check.check(DecisionTable.REWARDS,
                Files.readAllBytes(LIBREOFFICE.resolve("Rewards-R02-multiplier-3.drl.xlsx")));
        assertTrue(result.compiled(), result.text());
        assertTrue(result.complete(), "no false findings for the boolean cells nobody touched: " + result.text());
        assertEquals(List.of(), result.diff().added());
        assertEquals(List.of(), result.diff().removed());
        assertEquals(1, result.diff().changed().size(), result.text());
        RowDiff.Row r02 = result.diff().changed().get(0);
        assertTrue(r02.rule().startsWith("R02"), result.text());
        assertEquals(1, r02.cells().size(), result.text());
        assertEquals("2", r02.cells().get(0).before());
        assertEquals("3", r02.cells().get(0).after());
        assertTrue(r02.cells().get(0).column().contains("multiplier"), r02.cells().get(0).column());
        assertFalse(result.casesPassed(), "the regression cases expect R02 to double: " + result.text());
        assertTrue(result.caseFailures().stream().anyMatch(f -> f.contains("expected 20 but was 30")), result.text());
        assertFalse(result.changedDecisions().isEmpty(), result.text());
        assertTrue(result.changedDecisions().stream().allMatch(d -> d.after().path("decidedBy").asText().startsWith("R02")),
                "only decisions R02 takes change: " + result.text());
        assertFalse(result.passed());
    }

    @Test
    void p05DeletedInLibreOfficeIsOneRemovedRowAndTheCasesThatNeedItFail() throws IOException {
        WorkbookCheck.Result result = check.check(DecisionTable.GROUP_POSITIONING,
                Files.readAllBytes(LIBREOFFICE.resolve("GroupPositioning-P05-deleted.drl.xlsx")));
        assertTrue(result.compiled(), result.text());
        assertEquals(1, result.diff().removed().size(), result.text());
        assertTrue(result.diff().removed().get(0).rule().startsWith("P05"), result.text());
        assertEquals(List.of(), result.diff().changed(), "the rows below moved up but did not change: " + result.text());
        // the completeness check runs (no abort on Calc's booleans) and the fallback row keeps the table complete
        assertTrue(result.completeness().stream().allMatch(r -> r.combinations() > 0), result.text());
        assertFalse(result.casesPassed(), result.text());
        assertTrue(result.changedDecisions().stream().anyMatch(d -> d.before().path("decidedBy").asText().startsWith("P05")),
                result.text());
    }

    @Test
    void aCellTheEngineCannotCompileIsNamedBySheetRowColumnAndTextInBothLanguages() throws IOException {
        byte[] edited = edit(Files.readAllBytes(Path.of("src", "main", "resources", DecisionTable.REWARDS.resource())),
                "Rewards", "R05", "multiplier", "2 +");
        WorkbookCheck.Result result = check.check(DecisionTable.REWARDS, edited);
        assertFalse(result.compiled(), result.text());
        assertFalse(result.compileProblems().isEmpty());
        TableProblem problem = result.compileProblems().get(0);
        assertEquals("Rewards", problem.sheet());
        assertTrue(problem.rule().startsWith("R05"), problem.text());
        assertEquals(13, problem.row(), problem.text());
        assertTrue(problem.column().contains("multiplier"), problem.text());
        assertEquals("2 +", problem.cell());
        assertTrue(problem.en().startsWith("sheet Rewards, row 13 'R05"), problem.en());
        assertTrue(problem.zh().startsWith("工作表 Rewards 第 13 行「R05"), problem.zh());
        assertFalse(problem.text().contains("\tat "), "no stack trace");
    }

    @Test
    void numbersStoredAsTextAndInlineStringsReadLikeNumbers() throws IOException {
        // another program's way: the multiplier as the text "2" (Excel's green triangle) and every text cell inline
        byte[] edited = edit(Files.readAllBytes(Path.of("src", "main", "resources", DecisionTable.REWARDS.resource())),
                "Rewards", "R02", "multiplier", "2");
        byte[] inline = inlineStrings(edited);
        WorkbookCheck.Result result = check.check(DecisionTable.REWARDS, inline);
        assertTrue(result.passed(), result.text());
        assertTrue(result.diff().empty(), result.text());
    }

    /** The sheet XML of a workbook (to see what the saving program wrote). */
    static byte[] unzipSheets(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().startsWith("xl/worksheets/")) {
                    zip.transferTo(out);
                }
            }
        }
        return out.toByteArray();
    }

    /** Sets the cell of the row whose name starts with {@code rule}, in the column whose title contains {@code label}, to text. */
    static byte[] edit(byte[] workbook, String sheetName, String rule, String label, String text) throws IOException {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet(sheetName);
            int column = -1;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (column < 0 && cell.toString().contains(label)) {
                        column = cell.getColumnIndex();
                    }
                }
            }
            for (Row row : sheet) {
                Cell first = row.getCell(0);
                if (first != null && first.toString().startsWith(rule)) {
                    row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(text);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    /** The same workbook written with inline strings (as streaming writers do) instead of the shared string table. */
    static byte[] inlineStrings(byte[] workbook) throws IOException {
        try (Workbook source = WorkbookFactory.create(new ByteArrayInputStream(workbook));
                org.apache.poi.xssf.streaming.SXSSFWorkbook target = new org.apache.poi.xssf.streaming.SXSSFWorkbook()) {
            for (Sheet sheet : source) {
                Sheet copy = target.createSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    Row newRow = copy.createRow(row.getRowNum());
                    for (Cell cell : row) {
                        Cell newCell = newRow.createCell(cell.getColumnIndex());
                        switch (cell.getCellType()) {
                            case NUMERIC -> newCell.setCellValue(cell.getNumericCellValue());
                            case BOOLEAN -> newCell.setCellValue(cell.getBooleanCellValue());
                            case STRING -> newCell.setCellValue(cell.getStringCellValue());
                            default -> {
                            }
                        }
                    }
                }
                sheet.getMergedRegions().forEach(copy::addMergedRegion);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.write(out);
            target.dispose();
            return out.toByteArray();
        }
    }
}
