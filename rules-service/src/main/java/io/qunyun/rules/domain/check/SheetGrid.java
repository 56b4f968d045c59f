package io.qunyun.rules.domain.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import io.qunyun.rules.domain.CellText;

/**
 * The decision sheet as the rule compiler reads it: the {@linkplain CellText text} of every non-empty cell by row and
 * column (0-based), and the merged regions. Rows and cells that are empty do not exist here, as for the compiler.
 */
final class SheetGrid {

    private static final Map<Integer, String> NO_CELLS = Map.of();

    final String name;
    private final TreeMap<Integer, Map<Integer, String>> rows = new TreeMap<>();
    final List<CellRangeAddress> merged;

    private SheetGrid(String name, List<CellRangeAddress> merged) {
        this.name = name;
        this.merged = merged;
    }

    static SheetGrid of(Sheet sheet) {
        SheetGrid grid = new SheetGrid(sheet.getSheetName(), List.copyOf(sheet.getMergedRegions()));
        for (Row row : sheet) {
            for (Cell cell : row) {
                String text = CellText.of(cell);
                if (!text.isEmpty()) {
                    grid.rows.computeIfAbsent(row.getRowNum(), r -> new TreeMap<>()).put(cell.getColumnIndex(), text);
                }
            }
        }
        return grid;
    }

    /** The non-empty cells of row {@code r}, by column. */
    Map<Integer, String> row(int r) {
        return rows.getOrDefault(r, NO_CELLS);
    }

    boolean empty(int r) {
        return !rows.containsKey(r);
    }

    /** The first non-empty row at or below {@code r}, or -1. */
    int nextRow(int r) {
        Integer next = rows.ceilingKey(r);
        return next == null ? -1 : next;
    }

    /** Rows whose cells start a rule table (the compiler's test: the text starts with "ruletable", any case). */
    List<Integer> tableHeaders() {
        List<Integer> headers = new ArrayList<>();
        rows.forEach((r, cells) -> {
            if (cells.values().stream().anyMatch(SheetGrid::startsTable)) {
                headers.add(r);
            }
        });
        return headers;
    }

    static boolean startsTable(String text) {
        return text.toLowerCase(Locale.ROOT).startsWith("ruletable");
    }

    /** A cell as the spreadsheet program names it, e.g. {@code K9}. */
    static String address(int row, int column) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }
}
