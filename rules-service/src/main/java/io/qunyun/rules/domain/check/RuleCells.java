package io.qunyun.rules.domain.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.qunyun.rules.domain.DecisionTableSheet;
import io.qunyun.rules.domain.TableProblem;

/**
 * Reads the cells of one sheet's rows: condition cells become the values the rows are matched with, and each
 * cell that does not fit its column (a typo in an enumerated value, a non-number, unquoted text) is reported
 * with its row and column; output cells of simple setter actions are checked against the setter's type.
 */
final class RuleCells {

    private static final Pattern SETTER = Pattern.compile(
            "^\\s*\\$[A-Za-z_][A-Za-z0-9_]*\\.(set[A-Za-z0-9_]+)\\(\\s*(\"?)\\$param\\2\\s*\\)\\s*;?\\s*$");

    private final DecisionTableSheet sheet;
    private final Properties properties;
    private final String sheetName;
    private final ValueDomains domains;
    private final List<TableProblem> problems;

    /** @param problems where a cell that does not fit its column is reported */
    RuleCells(DecisionTableSheet sheet, Properties properties, String sheetName, ValueDomains domains,
            List<TableProblem> problems) {
        this.sheet = sheet;
        this.properties = properties;
        this.sheetName = sheetName;
        this.domains = domains;
        this.problems = problems;
    }

    /** Every row with the values of its condition cells (null = empty cell = any). */
    List<CompiledRule> compile(List<ConditionColumn> conds, List<InputDomain> inputs) {
        List<CompiledRule> rules = new ArrayList<>();
        for (DecisionTableSheet.Rule rule : sheet.rules()) {
            Object[] params = new Object[conds.size()];
            for (int c = 0; c < conds.size(); c++) {
                ConditionColumn cond = conds.get(c);
                String cell = rule.cell(cond.column());
                if (cell.isEmpty()) {
                    continue;
                }
                InputDomain input = inputs.get(cond.input());
                try {
                    params[c] = param(input, cond.snippet(), cell);
                } catch (IllegalArgumentException e) {
                    problems.add(TableProblem.at(sheetName, rule, cond.column(), zh(e.getMessage()), e.getMessage()));
                }
            }
            rules.add(new CompiledRule(rule, params, rule.priority() == null ? 0 : rule.priority()));
        }
        return rules;
    }

    /**
     * Output cells of simple setter actions ({@code $r.setBasePoints($param);}) must fit the setter: a
     * whole number, true/false, or (when declared as {@code qunyun.values.<output>}) one of the values.
     * Other action forms are left to the compiler.
     */
    void checkActions(Class<?> fact) {
        for (DecisionTableSheet.Column column : sheet.columns()) {
            if (!column.kind().equals("ACTION")) {
                continue;
            }
            Matcher setter = SETTER.matcher(column.snippet());
            if (!setter.matches()) {
                continue;
            }
            Class<?> type = Arrays.stream(fact.getMethods())
                    .filter(m -> m.getName().equals(setter.group(1)) && m.getParameterCount() == 1)
                    .map(m -> m.getParameterTypes()[0]).findFirst().orElse(null);
            if (type == null) {
                problems.add(TableProblem.at(sheetName, null, column, fact.getSimpleName() + " 没有输出 " + setter.group(1),
                        fact.getSimpleName() + " has no output " + setter.group(1)));
                continue;
            }
            String output = Character.toLowerCase(setter.group(1).charAt(3)) + setter.group(1).substring(4);
            String declared = properties.getProperty("qunyun.values." + output);
            for (DecisionTableSheet.Rule rule : sheet.rules()) {
                String cell = rule.cell(column);
                if (cell.isEmpty()) {
                    continue;
                }
                if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                    if (!cell.matches("-?\\d+")) {
                        problems.add(TableProblem.at(sheetName, rule, column, "「" + cell + "」不是整数", "'" + cell + "' is not a whole number"));
                    }
                } else if (ValueDomains.decimal(type)) {
                    if (!cell.matches("-?\\d+(\\.\\d+)?")) {
                        problems.add(TableProblem.at(sheetName, rule, column, "「" + cell + "」不是数字", "'" + cell + "' is not a number"));
                    }
                } else if (type == boolean.class || type == Boolean.class) {
                    if (!cell.equalsIgnoreCase("true") && !cell.equalsIgnoreCase("false")) {
                        problems.add(TableProblem.at(sheetName, rule, column, "「" + cell + "」不是 true 或 false",
                                "'" + cell + "' is not true or false"));
                    }
                } else if (type == String.class && declared != null) {
                    InputDomain values = domains.domain(new InputDomain(output, String.class, List.of(), true), List.of(), -1);
                    if (!values.values().contains(cell)) {
                        List<String> allowed = values.values().stream().filter(v -> v != null).map(String::valueOf).toList();
                        problems.add(TableProblem.at(sheetName, rule, column, "「" + cell + "」不在可选值 " + allowed + " 之中",
                                "'" + cell + "' is not one of " + allowed));
                    }
                }
                if (type == String.class && setter.group(2).isEmpty()) {
                    problems.add(TableProblem.at(sheetName, null, column, "代码片段写入文本时没有加引号",
                            "the snippet writes text without quotes"));
                    break;
                }
            }
        }
    }

    /** The Chinese of a cell reading message of {@link #param}. */
    static String zh(String en) {
        return en.replace(" is not true or false", " 不是 true 或 false").replace(" is not a whole number", " 不是整数")
                .replace(" is not a number", " 不是数字").replace(" is not one of ", " 不在可选值之中：")
                .replace("compares text without quotes", "比较文本时没有加引号").replace("the snippet", "代码片段");
    }

    /** The value of a condition cell, as the input's type; the message says why it cannot be read. */
    static Object param(InputDomain input, ConditionSnippet snippet, String cell) {
        Class<?> type = input.type();
        if (type == boolean.class || type == Boolean.class) {
            if (cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false")) {
                return Boolean.valueOf(cell.toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("'" + cell + "' is not true or false");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            try {
                long n = Long.parseLong(cell);
                return type == int.class || type == Integer.class ? (Object) (int) n : (Object) n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cell + "' is not a whole number");
            }
        }
        if (ValueDomains.decimal(type)) {
            try {
                BigDecimal n = new BigDecimal(cell);
                return type == BigDecimal.class ? n : (Object) n.doubleValue();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cell + "' is not a number");
            }
        }
        Object value = cell;
        if (type.isEnum()) {
            value = input.values().stream().filter(v -> v != null && ((Enum<?>) v).name().equals(cell)).findFirst()
                    .orElse(null);
        } else if (input.declared() && !input.values().contains(cell)) {
            value = null;
        }
        if (value == null) {
            throw new IllegalArgumentException("'" + cell + "' is not one of " + input.values().stream()
                    .filter(v -> v != null).map(String::valueOf).toList());
        }
        if (!snippet.quoted() && type == String.class) {
            throw new IllegalArgumentException("the snippet " + snippet + " compares text without quotes");
        }
        return value;
    }
}
