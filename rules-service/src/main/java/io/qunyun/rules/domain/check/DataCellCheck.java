package io.qunyun.rules.domain.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qunyun.rules.domain.DecisionTableSheet;
import io.qunyun.rules.domain.TableProblem;
import io.qunyun.rules.domain.check.WorkbookRefusedException.Finding;

/**
 * The data cells of an upload before anything is compiled: the compiler pastes each cell into its column's code
 * template, so a cell must be a value, never code. Where the template puts the cell outside quotes (numbers, true/false,
 * priorities) only a literal's characters are accepted; inside quotes (text, enumerated values) and in rule names only a
 * safe set of characters (letters, digits, spaces and punctuation that cannot end a string: no {@code "}, {@code \},
 * braces, brackets, {@code $}, backquote or control characters). A cell outside these is refused (nothing is compiled or
 * stored); a cell of the right characters but the wrong form (e.g. {@code 2 +} for a number) is a finding that keeps the
 * workbook from being compiled, reported like a compile problem.
 */
final class DataCellCheck {

    private static final Pattern PARAM = Pattern.compile("\\$(param|\\d+)");
    private static final Pattern LITERAL_CHARS = Pattern.compile("[A-Za-z0-9_.+\\- ]*");
    private static final Pattern LITERAL = Pattern.compile("-?\\d+(\\.\\d+)?|(?i:true|false)");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    /** ASCII punctuation a text value may hold: none of them ends a Java or DRL string literal. */
    private static final String TEXT_PUNCTUATION = " .,:;!?%+-/'()&*=<>@#_~|";

    private final String sheet;
    private final List<Finding> refusals;
    private final List<TableProblem> findings;

    DataCellCheck(String sheet, List<Finding> refusals, List<TableProblem> findings) {
        this.sheet = sheet;
        this.refusals = refusals;
        this.findings = findings;
    }

    void check(SheetGrid upload, List<WiringCheck.Table> tables) {
        for (WiringCheck.Table table : tables) {
            WiringCheck.Column nameColumn = table.columns().values().stream().filter(c -> c.kind().equals("NAME")).findFirst()
                    .orElse(null);
            for (int r : table.dataRows()) {
                Map<Integer, String> cells = upload.row(r);
                String name = nameColumn == null ? "" : cells.getOrDefault(nameColumn.index(), "");
                DecisionTableSheet.Rule rule = new DecisionTableSheet.Rule(r + 1, name, null, new LinkedHashMap<>(cells));
                if (nameColumn != null && name.isEmpty()) {
                    refuse(r, null, nameColumn, "", "这一行有内容但没有规则名：每一行规则都要有名称",
                            "the row has cells but no rule name: every rule row needs a name");
                }
                for (Map.Entry<Integer, String> cell : cells.entrySet()) {
                    WiringCheck.Column column = table.columns().get(cell.getKey());
                    if (column != null && refusals.size() < WiringCheck.MAX_FINDINGS) {
                        check(r, rule, column, cell.getValue());
                    }
                }
            }
        }
    }

    private void check(int r, DecisionTableSheet.Rule rule, WiringCheck.Column column, String cell) {
        if (SheetGrid.startsTable(cell)) {
            refuse(r, rule, column, cell, "数据单元格不能以 RuleTable 开头（会开始一张新表）",
                    "a data cell may not start with RuleTable (it would start a new table)");
            return;
        }
        boolean priority = column.kind().equals("PRIORITY") || column.kind().equals("SALIENCE");
        if (priority || unquoted(column.snippet())) {
            if (!LITERAL_CHARS.matcher(cell).matches()) {
                refuse(r, rule, column, cell, "这一列只能填数字或 true/false，不能有引号、分号、括号等代码字符",
                        "this column takes a number or true/false: no quotes, semicolons, parentheses or other code");
            } else if (!(priority ? WHOLE_NUMBER : LITERAL).matcher(cell).matches()) {
                DecisionTableSheet.Column located = located(column);
                findings.add(priority
                        ? TableProblem.at(sheet, rule, located, "「" + cell + "」不是整数", "'" + cell + "' is not a whole number")
                        : TableProblem.at(sheet, rule, located, "「" + cell + "」不是数字或 true/false：这一列只能填值，不能填表达式",
                                "'" + cell + "' is not a number or true/false: this column takes a value, not an expression"));
            }
        } else if (!safeText(cell)) {
            refuse(r, rule, column, cell, "文本中不能有英文引号、反斜杠、花括号、方括号、$、反引号或控制字符",
                    "text may not contain straight quotes, backslashes, braces, brackets, $, backquotes or control characters");
        }
    }

    /** Whether the template puts a cell outside quotes ({@code $param} not between {@code "}). */
    static boolean unquoted(String snippet) {
        Matcher param = PARAM.matcher(snippet);
        while (param.find()) {
            boolean quoted = param.start() > 0 && snippet.charAt(param.start() - 1) == '"' && param.end() < snippet.length()
                    && snippet.charAt(param.end()) == '"';
            if (!quoted) {
                return true;
            }
        }
        return false;
    }

    /** Letters, digits, marks, spaces, symbols and punctuation, but nothing that could end or escape a string literal. */
    static boolean safeText(String text) {
        return text.codePoints().allMatch(c -> {
            if (c < 0x80) {
                return Character.isLetterOrDigit(c) || TEXT_PUNCTUATION.indexOf(c) >= 0;
            }
            return switch (Character.getType(c)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                        Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> false;
                default -> true;
            };
        });
    }

    private DecisionTableSheet.Column located(WiringCheck.Column column) {
        return new DecisionTableSheet.Column(column.index(), column.kind(), column.pattern(), column.snippet(), column.label());
    }

    /** A refused data cell, named by its address, rule (when the row has a name) and column title. */
    private void refuse(int row, DecisionTableSheet.Rule rule, WiringCheck.Column column, String text, String zh, String en) {
        if (refusals.size() >= WiringCheck.MAX_FINDINGS) {
            return;
        }
        String address = SheetGrid.address(row, column.index());
        String cell = WiringCheck.shorten(text);
        String ruleName = rule == null || rule.name().isEmpty() ? null : rule.name();
        String zhRule = ruleName == null ? "" : "「" + ruleName + "」";
        String enRule = ruleName == null ? "" : " '" + ruleName + "'";
        refusals.add(new Finding(sheet + "!" + address, new TableProblem(sheet, row + 1, ruleName, column.label(), text,
                "工作表 " + sheet + " 单元格 " + address + "（第 " + (row + 1) + " 行" + zhRule + "，列「" + column.label() + "」）「" + cell
                        + "」：" + zh,
                "sheet " + sheet + ", cell " + address + " (row " + (row + 1) + enRule + ", column '" + column.label() + "') '" + cell
                        + "': " + en)));
    }
}
