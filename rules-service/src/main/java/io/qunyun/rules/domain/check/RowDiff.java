package io.qunyun.rules.domain.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.qunyun.rules.domain.DecisionTableSheet;

/**
 * Row-by-row difference between two versions of a decision sheet, rows matched by their rule name:
 * rows added, rows removed, and for rows in both the cells that changed (by column label).
 */
public record RowDiff(List<Row> added, List<Row> removed, List<Row> changed) {

    /** A rule row; {@code cells} are the changed cells for a changed row, every non-empty cell otherwise. */
    public record Row(String rule, Integer rowBefore, Integer rowAfter, List<Cell> cells) {
    }

    public record Cell(String column, String before, String after) {
    }

    public boolean empty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    public static RowDiff between(List<DecisionTableSheet> before, List<DecisionTableSheet> after) {
        Map<String, Located> old = rows(before);
        Map<String, Located> now = rows(after);
        List<Row> added = new ArrayList<>();
        List<Row> removed = new ArrayList<>();
        List<Row> changed = new ArrayList<>();
        for (Map.Entry<String, Located> entry : now.entrySet()) {
            Located was = old.get(entry.getKey());
            Located is = entry.getValue();
            if (was == null) {
                added.add(new Row(entry.getKey(), null, is.rule().row(), cells(null, is)));
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            Map<String, String> oldCells = byLabel(was);
            Map<String, String> newCells = byLabel(is);
            for (String label : union(oldCells, newCells)) {
                String a = oldCells.getOrDefault(label, "");
                String b = newCells.getOrDefault(label, "");
                if (!Objects.equals(a, b)) {
                    cells.add(new Cell(label, a, b));
                }
            }
            if (!cells.isEmpty()) {
                changed.add(new Row(entry.getKey(), was.rule().row(), is.rule().row(), cells));
            }
        }
        for (Map.Entry<String, Located> entry : old.entrySet()) {
            if (!now.containsKey(entry.getKey())) {
                removed.add(new Row(entry.getKey(), entry.getValue().rule().row(), null, cells(entry.getValue(), null)));
            }
        }
        return new RowDiff(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
    }

    private record Located(DecisionTableSheet sheet, DecisionTableSheet.Rule rule) {
    }

    private static Map<String, Located> rows(List<DecisionTableSheet> sheets) {
        Map<String, Located> rows = new LinkedHashMap<>();
        for (DecisionTableSheet sheet : sheets) {
            for (DecisionTableSheet.Rule rule : sheet.rules()) {
                rows.putIfAbsent(rule.name(), new Located(sheet, rule));
            }
        }
        return rows;
    }

    private static Map<String, String> byLabel(Located row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (DecisionTableSheet.Column column : row.sheet().columns()) {
            if (!column.kind().equals("NAME")) {
                cells.put(column.label().isEmpty() ? column.kind() + " " + column.index() : column.label(), row.rule().cell(column));
            }
        }
        return cells;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> labels = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(label -> !a.containsKey(label)).forEach(labels::add);
        return labels;
    }

    private static List<Cell> cells(Located before, Located after) {
        List<Cell> cells = new ArrayList<>();
        Map<String, String> values = byLabel(before != null ? before : after);
        values.forEach((label, value) -> {
            if (!value.isEmpty()) {
                cells.add(before != null ? new Cell(label, value, null) : new Cell(label, null, value));
            }
        });
        return cells;
    }
}
