package io.qunyun.rules.domain.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.ss.util.CellRangeAddress;

import io.qunyun.rules.domain.TableProblem;
import io.qunyun.rules.domain.check.WorkbookRefusedException.Finding;

/**
 * Compares the decision sheet of an upload with the built-in one, as the rule compiler would read both: everything
 * but the data cells must be equal. That is every cell above the first RuleTable (RuleSet, Unit, Import, Functions,
 * Variables, Sequential, ... — whatever the settings block holds), and of each RuleTable its header row, the column
 * kinds (CONDITION, ACTION, ...), the object types, the code templates and the column titles; the merged regions of
 * those rows; nothing but empty rows between and below the tables (the compiler reads any cell there as a setting).
 * What it leaves to the data check: the rule rows of each table, in the built-in table's columns.
 */
final class WiringCheck {

    /** Past this many, the other differences are not listed (the analyst starts again from the built-in workbook). */
    static final int MAX_FINDINGS = 20;

    /** One column of a built-in RuleTable (0-based index). */
    record Column(int index, String kind, String pattern, String snippet, String label) {
    }

    /** A RuleTable of the upload: its header row, the built-in table's columns, and its rule rows (0-based). */
    record Table(int header, Map<Integer, Column> columns, List<Integer> dataRows) {
    }

    private final SheetGrid builtIn;
    private final SheetGrid upload;
    private final List<Finding> refusals;

    WiringCheck(SheetGrid builtIn, SheetGrid upload, List<Finding> refusals) {
        this.builtIn = builtIn;
        this.upload = upload;
        this.refusals = refusals;
    }

    /** The upload's RuleTables; every difference of wiring is added to the refusals. */
    List<Table> tables() {
        List<Integer> expected = builtIn.tableHeaders();
        List<Table> tables = new ArrayList<>();
        int first = expected.get(0);
        for (int r = 0; r < first; r++) {
            sameRow(r, r, "设置", "settings");
        }
        int header = first;
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i < expected.size() && refusals.size() < MAX_FINDINGS; i++) {
            int wired = expected.get(i);
            for (int k = 0; k <= 4; k++) {
                sameRow(wired + k, header + k, "接线", "wiring");
            }
            Map<Integer, Column> columns = columns(wired);
            List<Integer> data = new ArrayList<>();
            int r = header + 5;
            for (; !upload.empty(r); r++) {
                for (Map.Entry<Integer, String> cell : upload.row(r).entrySet()) {
                    if (!columns.containsKey(cell.getKey())) {
                        refuse(r, cell.getKey(), cell.getValue(), "表格列之外的单元格（不属于任何 CONDITION / ACTION 列）",
                                "a cell outside the table's columns (no CONDITION / ACTION column above it)");
                    }
                }
                data.add(r);
            }
            headers.add(header);
            tables.add(new Table(header, columns, List.copyOf(data)));
            int next = upload.nextRow(r);
            if (i + 1 < expected.size()) {
                if (next < 0) {
                    refusals.add(new Finding(upload.name, TableProblem.of(upload.name, "缺少内置工作簿中的第 " + (i + 2) + " 张规则表",
                            "the built-in workbook's RuleTable number " + (i + 2) + " is missing")));
                    break;
                }
                header = next;
            } else if (next >= 0) {
                for (int below = next; below >= 0 && refusals.size() < MAX_FINDINGS; below = upload.nextRow(below + 1)) {
                    for (Map.Entry<Integer, String> cell : upload.row(below).entrySet()) {
                        refuse(below, cell.getKey(), cell.getValue(), "规则表下方不能有内容（编译器会把它当作设置读取）",
                                "nothing may follow the last table (the compiler would read it as a setting)");
                    }
                }
            }
        }
        sameMerges(expected, headers);
        return tables;
    }

    /** The built-in columns of the RuleTable whose header is at {@code header}. */
    private Map<Integer, Column> columns(int header) {
        int start = builtIn.row(header).entrySet().stream().filter(e -> SheetGrid.startsTable(e.getValue())).findFirst()
                .orElseThrow().getKey();
        Map<Integer, Column> columns = new LinkedHashMap<>();
        builtIn.row(header + 1).forEach((c, kind) -> {
            if (c >= start) {
                columns.put(c, new Column(c, kind.toUpperCase(java.util.Locale.ROOT), builtIn.row(header + 2).getOrDefault(c, ""),
                        builtIn.row(header + 3).getOrDefault(c, ""), builtIn.row(header + 4).getOrDefault(c, "")));
            }
        });
        return columns;
    }

    private void sameRow(int builtInRow, int uploadRow, String zhWhat, String enWhat) {
        Set<Integer> columns = new TreeSet<>(builtIn.row(builtInRow).keySet());
        columns.addAll(upload.row(uploadRow).keySet());
        for (int c : columns) {
            String expected = builtIn.row(builtInRow).getOrDefault(c, "");
            String found = upload.row(uploadRow).getOrDefault(c, "");
            if (!expected.equals(found)) {
                refuse(uploadRow, c, found, zhWhat + "单元格与内置工作簿不同：应为「" + shorten(expected) + "」",
                        "a " + enWhat + " cell differs from the built-in workbook: '" + shorten(expected) + "' expected");
            }
        }
    }

    /** The merged regions of the upload are the built-in ones, each in the same rows of its table. */
    private void sameMerges(List<Integer> expectedHeaders, List<Integer> headers) {
        Set<String> expected = new LinkedHashSet<>();
        builtIn.merged.forEach(region -> expected.add(relative(region, expectedHeaders)));
        Set<String> found = new LinkedHashSet<>();
        for (CellRangeAddress region : upload.merged) {
            String key = relative(region, headers);
            found.add(key);
            if (!expected.contains(key)) {
                refusals.add(new Finding(upload.name + "!" + region.formatAsString(), TableProblem.of(upload.name,
                        "合并单元格 " + region.formatAsString() + " 不在内置工作簿中", "merged cells " + region.formatAsString()
                                + " are not in the built-in workbook")));
            }
        }
        for (String key : expected) {
            if (!found.contains(key)) {
                refusals.add(new Finding(upload.name, TableProblem.of(upload.name, "缺少内置工作簿的合并单元格（" + key + "）",
                        "merged cells of the built-in workbook are missing (" + key + ")")));
            }
        }
    }

    /** A region named relative to the header of the table whose wiring rows hold it, else by its address. */
    private static String relative(CellRangeAddress region, List<Integer> headers) {
        for (int i = 0; i < headers.size(); i++) {
            int header = headers.get(i);
            if (region.getFirstRow() >= header && region.getLastRow() <= header + 4) {
                return "table " + (i + 1) + " rows +" + (region.getFirstRow() - header) + "..+" + (region.getLastRow() - header)
                        + " columns " + region.getFirstColumn() + ".." + region.getLastColumn();
            }
        }
        return region.formatAsString();
    }

    private void refuse(int row, int column, String text, String zh, String en) {
        if (refusals.size() >= MAX_FINDINGS) {
            return;
        }
        String address = SheetGrid.address(row, column);
        String cell = shorten(text);
        refusals.add(new Finding(upload.name + "!" + address, new TableProblem(upload.name, row + 1, null, null, text,
                "工作表 " + upload.name + " 单元格 " + address + "「" + cell + "」：" + zh,
                "sheet " + upload.name + ", cell " + address + " '" + cell + "': " + en)));
    }

    static String shorten(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
