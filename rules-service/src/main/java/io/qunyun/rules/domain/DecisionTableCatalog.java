package io.qunyun.rules.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Versions and sizes of the decision tables, read once from the workbooks on the classpath. The
 * version is the SHA-256 of the workbook bytes: the very file that was compiled into this build.
 */
@ApplicationScoped
public class DecisionTableCatalog {

    /** Rows between the "RuleTable" cell and the first rule: column kinds, pattern, snippet, labels. */
    private static final int HEADER_ROWS = 4;

    private final Map<DecisionTable, TableInfo> tables = new EnumMap<>(DecisionTable.class);

    public DecisionTableCatalog() {
        for (DecisionTable table : DecisionTable.values()) {
            byte[] workbook = read(table.resource());
            tables.put(table, new TableInfo(table, "sha256:" + sha256(workbook), countRuleRows(table, workbook)));
        }
    }

    public TableInfo info(DecisionTable table) {
        return tables.get(table);
    }

    public String version(DecisionTable table) {
        return tables.get(table).version();
    }

    public List<TableInfo> all() {
        return List.copyOf(tables.values());
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Decision table workbook not on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts rule rows the way the decision-table compiler reads them: each RuleTable of the sheet
     * runs up to its first empty row (a sheet may hold several tables, e.g. Tiers: weights, then
     * thresholds). A PRIORITY column is just another column: rows are counted by their name.
     */
    static int countRuleRows(DecisionTable table, byte[] workbook) {
        DataFormatter formatter = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet(table.tableName());
            if (sheet == null) {
                throw new IllegalStateException("Workbook " + table.resource() + " has no sheet " + table.tableName());
            }
            int rows = 0;
            boolean found = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (formatter.formatCellValue(cell).trim().startsWith("RuleTable")) {
                        found = true;
                        rows += countRows(sheet, row.getRowNum() + HEADER_ROWS + 1, cell.getColumnIndex(), formatter);
                    }
                }
            }
            if (!found) {
                throw new IllegalStateException("Sheet " + table.tableName() + " has no RuleTable cell");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int countRows(Sheet sheet, int firstRuleRow, int nameColumn, DataFormatter formatter) {
        int count = 0;
        for (int r = firstRuleRow; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || formatter.formatCellValue(row.getCell(nameColumn)).isBlank()) {
                break;
            }
            count++;
        }
        return count;
    }
}
