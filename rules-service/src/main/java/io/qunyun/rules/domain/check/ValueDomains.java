package io.qunyun.rules.domain.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import io.qunyun.rules.domain.DecisionTableSheet;
import io.qunyun.rules.domain.TableProblem;

/**
 * The values the checker tries per input of one sheet: booleans true/false (and absent when the fact field may
 * be null); enumerations all their values (and absent); numbers every number written in the column, just below
 * and just above it (and absent); text the values declared as {@code qunyun.values.<field>} in the workbook's
 * properties file (an enum class, literal values or {@code null}, comma-separated), else the values written in
 * the table plus one other value and absent.
 */
final class ValueDomains {

    /** The text value no row names. */
    static final Object OTHER = new Object() {
        @Override
        public String toString() {
            return "(other)";
        }
    };

    private final DecisionTableSheet sheet;
    private final Properties properties;
    private final String sheetName;
    private final List<TableProblem> problems;

    /** @param problems where an input the checker cannot enumerate is reported */
    ValueDomains(DecisionTableSheet sheet, Properties properties, String sheetName, List<TableProblem> problems) {
        this.sheet = sheet;
        this.properties = properties;
        this.sheetName = sheetName;
        this.problems = problems;
    }

    /** The values of {@code input}, the input at {@code index} of the condition columns {@code conds}. */
    InputDomain domain(InputDomain input, List<ConditionColumn> conds, int index) {
        Class<?> type = input.type();
        List<Object> values = new ArrayList<>();
        boolean declared = true;
        if (type == boolean.class || type == Boolean.class) {
            values.addAll(List.of(true, false));
            if (type == Boolean.class) {
                values.add(null);
            }
        } else if (type.isEnum()) {
            values.addAll(Arrays.asList(type.getEnumConstants()));
            values.add(null);
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            TreeSet<Long> numbers = new TreeSet<>();
            for (String cell : written(conds, index)) {
                try {
                    long n = Long.parseLong(cell);
                    numbers.addAll(List.of(n - 1, n, n + 1));
                } catch (NumberFormatException e) {
                    // reported when the rule is compiled
                }
            }
            if (numbers.isEmpty()) {
                numbers.add(0L);
            }
            for (long n : numbers) {
                values.add(type == int.class || type == Integer.class ? (Object) (int) n : (Object) n);
            }
            if (!type.isPrimitive()) {
                values.add(null);
            }
        } else if (decimal(type)) {
            // decimals (ratios, rates): each number written in the column, just below and just above it
            TreeSet<BigDecimal> numbers = new TreeSet<>();
            for (String cell : written(conds, index)) {
                try {
                    BigDecimal n = new BigDecimal(cell);
                    BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(n.scale(), 0) + 2);
                    numbers.addAll(List.of(n.subtract(step), n, n.add(step)));
                } catch (NumberFormatException e) {
                    // reported when the rule is compiled
                }
            }
            if (numbers.isEmpty()) {
                numbers.add(BigDecimal.ZERO);
            }
            for (BigDecimal n : numbers) {
                values.add(type == BigDecimal.class ? n : (Object) n.doubleValue());
            }
            if (!type.isPrimitive()) {
                values.add(null);
            }
        } else if (type == String.class) {
            String declaration = properties.getProperty("qunyun.values." + input.field());
            if (declaration != null) {
                values.addAll(declaredValues(declaration));
            } else {
                declared = false;
                values.addAll(new LinkedHashSet<>(written(conds, index)));
                values.add(OTHER);
                values.add(null);
            }
        } else {
            problems.add(TableProblem.of(sheetName, "输入 '" + input.field() + "' 的类型 " + type.getSimpleName() + " 无法枚举",
                    "input '" + input.field() + "' has type " + type.getSimpleName() + ", which the checker cannot enumerate"));
        }
        return new InputDomain(input.field(), type, values, declared);
    }

    /** The non-empty cells of the input's columns, row by row. */
    private List<String> written(List<ConditionColumn> conds, int index) {
        List<String> cells = new ArrayList<>();
        for (DecisionTableSheet.Rule rule : sheet.rules()) {
            for (ConditionColumn cond : conds) {
                if (cond.input() == index && !rule.cell(cond.column()).isEmpty()) {
                    cells.add(rule.cell(cond.column()));
                }
            }
        }
        return cells;
    }

    /** A declaration {@code qunyun.values.<field>}: enum classes, literal values and {@code null}, comma-separated. */
    private static List<Object> declaredValues(String declaration) {
        List<Object> values = new ArrayList<>();
        for (String item : declaration.split(",")) {
            item = item.trim();
            if (item.equals("null")) {
                values.add(null);
            } else if (item.contains(".") && enumClass(item) != null) {
                for (Object constant : enumClass(item).getEnumConstants()) {
                    values.add(((Enum<?>) constant).name());
                }
            } else if (!item.isEmpty()) {
                values.add(item);
            }
        }
        return values;
    }

    static boolean decimal(Class<?> type) {
        return type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class;
    }

    private static Class<?> enumClass(String name) {
        try {
            Class<?> type = Class.forName(name);
            return type.isEnum() ? type : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
