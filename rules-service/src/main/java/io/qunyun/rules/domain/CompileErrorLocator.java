package io.qunyun.rules.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.builder.Message;

/**
 * Maps the rule compiler's errors back to the spreadsheet, so the analyst sees which cell to fix: the DRL line
 * the compiler names is inside a rule (= a row), and the cell whose snippet produced that line names the
 * column.
 */
final class CompileErrorLocator {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"(.*)\"\\s*$");

    private CompileErrorLocator() {
    }

    /** Maps the compiler's messages (DRL lines) to rows and cells of the sheet. */
    static List<TableProblem> locate(String sheetName, List<DecisionTableSheet> sheets, String drl, List<Message> errors) {
        String[] lines = drl.split("\n", -1);
        List<TableProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Message error : errors) {
            String text = readable(error.getText());
            int line = error.getLine(); // 1-based; 0 or less when unknown
            String ruleName = null;
            for (int i = Math.min(Math.max(line, 0), lines.length) - 1; i >= 0; i--) {
                Matcher rule = RULE.matcher(lines[i]);
                if (rule.matches()) {
                    ruleName = rule.group(1);
                    break;
                }
            }
            if (ruleName == null) {
                Matcher named = Pattern.compile("[Rr]ule \"?([^\"]+?)\"?[:\\s]").matcher(text);
                if (named.find()) {
                    ruleName = named.group(1).trim();
                }
            }
            DecisionTableSheet.Rule row = null;
            for (DecisionTableSheet.Rule candidate : DecisionTableSheet.rules(sheets)) {
                if (candidate.name().equals(ruleName)) {
                    row = candidate;
                }
            }
            DecisionTableSheet.Column column = null;
            if (row != null) {
                column = consequenceColumn(sheets, row, error.getText());
                if (column == null) {
                    String drlLine = line > 0 && line <= lines.length ? lines[line - 1].trim() : "";
                    column = columnOf(sheets, row, drlLine, text);
                }
            }
            String en = "the rule engine cannot compile this: " + text;
            String zh = "规则引擎无法编译此处（请检查单元格的值是否符合该列的类型，如整数、true/false、不带引号的文本）：" + text;
            TableProblem problem = row == null ? TableProblem.of(sheetName, zh, en) : TableProblem.at(sheetName, row, column, zh, en);
            if (seen.add(problem.text())) {
                problems.add(problem);
            }
        }
        return problems;
    }

    private static final Pattern CONSEQUENCE_LINE = Pattern.compile("consequence.*?\\(line (\\d+),\\s*col \\d+\\)", Pattern.DOTALL);

    /**
     * An error in a rule's actions ("Unable to parse consequence ... (line 3,col 22)"): the actions are the
     * row's non-empty action cells, one line each, after the line of {@code then}.
     */
    private static DecisionTableSheet.Column consequenceColumn(List<DecisionTableSheet> sheets, DecisionTableSheet.Rule row,
            String message) {
        Matcher line = CONSEQUENCE_LINE.matcher(message);
        if (!line.find()) {
            return null;
        }
        int index = Integer.parseInt(line.group(1)) - 2;
        for (DecisionTableSheet sheet : sheets) {
            if (sheet.rules().contains(row)) {
                List<DecisionTableSheet.Column> actions = sheet.columns().stream()
                        .filter(c -> c.kind().equals("ACTION") && !row.cell(c).isEmpty()).toList();
                return index >= 0 && index < actions.size() ? actions.get(index) : null;
            }
        }
        return null;
    }

    /** The compiler's message without the parser's stack trace and its list of expected tokens. */
    static String readable(String message) {
        String text = message;
        int trace = text.indexOf("Problem stacktrace");
        if (trace >= 0) {
            text = text.substring(0, trace);
        }
        int expected = text.indexOf(", expected one of");
        if (expected >= 0) {
            text = text.substring(0, expected);
        }
        return text.replaceAll("\\s+", " ").trim();
    }

    /** The cell of {@code row} whose snippet, with the cell's value in it, is the failing DRL line. */
    private static DecisionTableSheet.Column columnOf(List<DecisionTableSheet> sheets, DecisionTableSheet.Rule row, String drlLine,
            String message) {
        for (DecisionTableSheet sheet : sheets) {
            if (!sheet.rules().contains(row)) {
                continue;
            }
            DecisionTableSheet.Column best = null;
            for (DecisionTableSheet.Column column : sheet.columns()) {
                String cell = row.cell(column);
                if (cell.isEmpty() || column.snippet().isEmpty()) {
                    continue;
                }
                String filled = column.snippet().replace("$param", cell).trim();
                String core = filled.endsWith(";") ? filled.substring(0, filled.length() - 1) : filled;
                if (!drlLine.isEmpty() && drlLine.contains(core)) {
                    return column;
                }
                if (best == null && (message.contains("\"" + cell + "\"") || message.contains("'" + cell + "'"))) {
                    best = column;
                }
            }
            return best;
        }
        return null;
    }
}
