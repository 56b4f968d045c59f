package io.qunyun.rules.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * One {@code RuleTable} of a workbook's decision sheet, read the way the decision-table compiler reads
 * it: the sheet's {@code RuleSet} and {@code Unit} cells, then the {@code RuleTable} cell followed by the
 * column-kind row, the pattern row, the snippet row, the label row and the rule rows up to the first row
 * without a name. A sheet may hold several RuleTables one under the other (Tiers: TierWeights, then
 * Tiers); {@link #read} returns all of them, in sheet order.
 *
 * @param name the RuleTable's name (the text after {@code RuleTable}), e.g. {@code TierWeights}
 */
public record DecisionTableSheet(String name, String ruleSet, String unit, List<Column> columns, List<Rule> rules) {

    /**
     * One column: its kind (NAME, CONDITION, ACTION, PRIORITY), the pattern cell above it (the OOPath
     * binding, written once in a merged cell over the condition columns), code snippet and label.
     */
    public record Column(int index, String kind, String pattern, String snippet, String label) {

        public boolean isCondition() {
            return "CONDITION".equals(kind);
        }
    }

    /**
     * One rule row. {@code cells} maps column index to the cell text ("" when empty); {@code row} is
     * the spreadsheet row number as Excel shows it (1-based).
     */
    public record Rule(int row, String name, Integer priority, Map<Integer, String> cells) {

        public String cell(Column column) {
            return cells.getOrDefault(column.index(), "");
        }
    }

    /** Every RuleTable of the sheet, in the order they appear; at least one. */
    public static List<DecisionTableSheet> read(byte[] workbook, String sheetName) {
        DataFormatter formatter = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet(sheetName);
            if (sheet == null) {
                throw new IllegalArgumentException("the workbook has no sheet named " + sheetName);
            }
            String ruleSet = null;
            String unit = null;
            List<DecisionTableSheet> tables = new ArrayList<>();
            int next = 0; // rows above this belong to the table read last
            for (Row row : sheet) {
                if (row.getRowNum() < next) {
                    continue;
                }
                for (Cell cell : row) {
                    String text = CellText.of(cell);
                    if (text.equals("RuleSet")) {
                        ruleSet = text(row, cell.getColumnIndex() + 1, formatter);
                    } else if (text.equals("Unit")) {
                        unit = text(row, cell.getColumnIndex() + 1, formatter);
                    } else if (text.startsWith("RuleTable")) {
                        DecisionTableSheet table = table(text.substring("RuleTable".length()).trim(), sheet, row.getRowNum(),
                                cell.getColumnIndex(), ruleSet, unit, formatter);
                        tables.add(table);
                        next = row.getRowNum() + 5 + table.rules().size();
                        break;
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("sheet " + sheetName + " has no RuleTable cell");
            }
            return List.copyOf(tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DecisionTableSheet table(String tableName, Sheet sheet, int ruleTableRow, int firstColumn, String ruleSet, String unit,
            DataFormatter formatter) {
        Row kinds = sheet.getRow(ruleTableRow + 1);
        Row patterns = sheet.getRow(ruleTableRow + 2);
        Row snippets = sheet.getRow(ruleTableRow + 3);
        Row labels = sheet.getRow(ruleTableRow + 4);
        List<Column> columns = new ArrayList<>();
        for (int c = firstColumn; kinds != null && c < kinds.getLastCellNum(); c++) {
            String kind = text(kinds, c, formatter).toUpperCase();
            if (kind.isEmpty()) {
                break;
            }
            columns.add(new Column(c, kind, text(patterns, c, formatter), text(snippets, c, formatter),
                    text(labels, c, formatter)));
        }
        Column name = columns.stream().filter(c -> c.kind().equals("NAME")).findFirst().orElse(null);
        Column priority = columns.stream().filter(c -> c.kind().equals("PRIORITY") || c.kind().equals("SALIENCE"))
                .findFirst().orElse(null);
        int nameColumn = name == null ? firstColumn : name.index();
        List<Rule> rules = new ArrayList<>();
        for (int r = ruleTableRow + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String ruleName = text(row, nameColumn, formatter);
            if (ruleName.isEmpty()) {
                break;
            }
            Map<Integer, String> cells = new LinkedHashMap<>();
            for (Column column : columns) {
                cells.put(column.index(), text(row, column.index(), formatter));
            }
            rules.add(new Rule(r + 1, ruleName, priority == null ? null : priority(cells.get(priority.index()), ruleName),
                    Collections.unmodifiableMap(cells)));
        }
        return new DecisionTableSheet(tableName, ruleSet, unit, List.copyOf(columns), List.copyOf(rules));
    }

    private static Integer priority(String text, String rule) {
        if (text.isEmpty()) {
            return 0; // the compiler's default salience
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("row '" + rule + "' has a priority that is not a whole number: '" + text + "'");
        }
    }

    private static String text(Row row, int column, DataFormatter formatter) {
        if (row == null || column < 0) {
            return "";
        }
        return CellText.of(row.getCell(column));
    }

    /** Name → priority of every rule of these RuleTables (0 when a table has no priority column). */
    public static Map<String, Integer> priorities(List<DecisionTableSheet> tables) {
        Map<String, Integer> priorities = new LinkedHashMap<>();
        for (DecisionTableSheet table : tables) {
            for (Rule rule : table.rules()) {
                priorities.put(rule.name(), rule.priority() == null ? 0 : rule.priority());
            }
        }
        return priorities;
    }

    /** Every rule row of these RuleTables, in sheet order. */
    public static List<Rule> rules(List<DecisionTableSheet> tables) {
        return tables.stream().flatMap(table -> table.rules().stream()).toList();
    }
}
