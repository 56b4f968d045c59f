package io.qunyun.rules.domain.check;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.DecisionTableSheet;
import io.qunyun.rules.domain.HitPolicy;
import io.qunyun.rules.domain.TableProblem;

/**
 * Completeness and conflict check of one decision-table workbook, without the rule engine: it reads
 * the decision sheet, interprets each condition snippet ({@link ConditionSnippet}), tries every
 * combination of the table's enumerated inputs and reports
 * <ul>
 * <li>gaps: combinations no row decides (UNIQUE and PRIORITY tables);</li>
 * <li>conflicts: combinations two rows decide (UNIQUE), or where the top priority is shared (PRIORITY);</li>
 * <li>rows that never match, or (PRIORITY) never decide because higher rows always win;</li>
 * <li>cells it cannot read (a typo in an enumerated value, a non-number, an unknown snippet form).</li>
 * </ul>
 * The values tried per input: booleans true/false (and absent when the fact field may be null);
 * enumerations all their values (and absent); whole numbers every number written in the column ±1 (and
 * absent); text the values declared as {@code qunyun.values.<field>} in the workbook's properties file
 * (an enum class, literal values or {@code null}, comma-separated), else the values written in the table
 * plus one other value and absent.
 */
public final class TableChecker {

    /** Examples listed per kind of problem; the rest are counted. */
    public static final int MAX_EXAMPLES = 8;

    /** More combinations than this are refused (the report asks to declare fewer values). */
    static final long MAX_COMBINATIONS = 20_000_000L;

    static final Object OTHER = new Object() {
        @Override
        public String toString() {
            return "(other)";
        }
    };

    private TableChecker() {
    }

    /** The check result of one table; {@link #text()} is what the analyst reads. */
    public record Report(String table, HitPolicy hitPolicy, int rows, List<String> inputs, long combinations,
            long gaps, long conflicts, List<TableProblem> problems) {

        public boolean passed() {
            return problems.isEmpty();
        }

        public String text() {
            StringBuilder text = new StringBuilder();
            text.append(table).append(" (").append(hitPolicy).append(", ").append(rows).append(" rows, ")
                    .append(combinations).append(" combinations of ").append(String.join(", ", inputs)).append("): ");
            if (passed()) {
                text.append(hitPolicy == HitPolicy.COLLECT
                        ? "OK - every combination evaluates; every row matches some combination"
                        : "OK - every combination is decided by exactly one row");
            } else {
                text.append("FAILED - ").append(gaps).append(" gap(s), ").append(conflicts).append(" conflict(s), ")
                        .append(problems.size()).append(" finding(s)");
                for (TableProblem problem : problems) {
                    text.append("\n  ").append(problem.text());
                }
            }
            return text.toString();
        }
    }

    /** Checks the workbook this build ships for {@code table}: one report per RuleTable of its decision sheet. */
    public static List<Report> check(DecisionTable table) {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(table.resource())) {
            return check(table, in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Checks an edited copy of {@code table}'s workbook, with the table's properties file. */
    public static List<Report> check(DecisionTable table, byte[] workbook) {
        return check(table.tableName(), workbook, DecisionTableCatalog.properties(table));
    }

    /**
     * Checks every RuleTable of the decision sheet separately (a sheet may hold several, e.g. Tiers:
     * TierWeights then Tiers), each with the workbook's hit policy; a report is named
     * {@code <sheet>} or, when the RuleTable has another name, {@code <sheet>/<RuleTable>}.
     */
    public static List<Report> check(String tableName, byte[] workbook, Properties properties) {
        HitPolicy policy = HitPolicy.valueOf(properties.getProperty(DecisionTableCatalog.HIT_POLICY, "UNIQUE").trim()
                .toUpperCase(Locale.ROOT));
        List<DecisionTableSheet> sheets;
        try {
            sheets = DecisionTableSheet.read(workbook, tableName);
        } catch (RuntimeException e) {
            return List.of(new Report(tableName, policy, 0, List.of(), 0, 0, 0,
                    List.of(TableProblem.of(tableName, "无法读取工作簿：" + e.getMessage(), "cannot read the workbook: " + e.getMessage()))));
        }
        String stated = statedHitPolicy(workbook);
        Set<String> earlier = new HashSet<>(); // rule names of the RuleTables above
        List<Report> reports = new ArrayList<>();
        for (DecisionTableSheet sheet : sheets) {
            String name = sheet.name().isEmpty() || sheet.name().equals(tableName) ? tableName : tableName + "/" + sheet.name();
            Report report = new Checker(name, policy, sheet, properties).run();
            List<TableProblem> problems = new ArrayList<>(report.problems());
            if (stated != null && !stated.equals(policy.name())) {
                problems.add(0, TableProblem.of("README", "README 工作表写的命中规则是 " + stated + "，但 " + tableName
                        + ".drl.xlsx.properties 写的是 " + policy + "（服务使用后者）：请保持一致",
                        "the README sheet says hit policy " + stated + " but " + tableName
                        + ".drl.xlsx.properties says " + policy + " (the service uses the properties file): make them agree"));
            }
            for (DecisionTableSheet.Rule rule : sheet.rules()) {
                if (earlier.contains(rule.name())) {
                    problems.add(TableProblem.at(tableName, rule, null, "规则名在本工作表的另一张表中也出现了；名称在工作表内必须唯一",
                            "the name '" + rule.name() + "' is also used in another table of the sheet; names must be unique in the sheet"));
                }
            }
            sheet.rules().forEach(rule -> earlier.add(rule.name()));
            reports.add(problems.size() == report.problems().size() ? report
                    : new Report(report.table(), report.hitPolicy(), report.rows(), report.inputs(), report.combinations(),
                            report.gaps(), report.conflicts(), List.copyOf(problems)));
        }
        return List.copyOf(reports);
    }

    /** The hit policy the README sheet states in a cell "Hit policy ... = X", if any. */
    public static String statedHitPolicy(byte[] workbook) {
        org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
        try (org.apache.poi.ss.usermodel.Workbook book = org.apache.poi.ss.usermodel.WorkbookFactory
                .create(new java.io.ByteArrayInputStream(workbook))) {
            org.apache.poi.ss.usermodel.Sheet readme = book.getSheet("README");
            if (readme == null) {
                return null;
            }
            for (org.apache.poi.ss.usermodel.Row row : readme) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    java.util.regex.Matcher stated = java.util.regex.Pattern.compile("^Hit policy.*=\\s*([A-Z]+)\\s*$")
                            .matcher(formatter.formatCellValue(cell).trim());
                    if (stated.matches()) {
                        return stated.group(1);
                    }
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One input of the table: a field of the fact, the values tried, and how cells are read. */
    private record Input(String field, Class<?> type, List<Object> values, boolean declared) {
    }

    private record Cond(DecisionTableSheet.Column column, ConditionSnippet snippet, int input) {
    }

    /** A rule row, compiled: per condition (null = empty cell = any) the cell's value. */
    private record CompiledRule(DecisionTableSheet.Rule rule, Object[] params, int priority) {
    }

    private static final class Checker {

        final String table;
        final HitPolicy policy;
        final DecisionTableSheet sheet;
        final Properties properties;
        final List<TableProblem> problems = new ArrayList<>();

        Checker(String table, HitPolicy policy, DecisionTableSheet sheet, Properties properties) {
            this.table = table;
            this.policy = policy;
            this.sheet = sheet;
            this.properties = properties;
        }

        Report run() {
            List<Input> inputs = new ArrayList<>();
            List<Cond> conds = new ArrayList<>();
            Class<?> fact;
            try {
                fact = factClass();
            } catch (RuntimeException e) {
                return report(List.of(), 0, 0, 0, List.of(TableProblem.of(sheetName(), e.getMessage(), e.getMessage())));
            }
            Map<String, Integer> inputIndex = new LinkedHashMap<>();
            for (DecisionTableSheet.Column column : sheet.columns()) {
                if (!column.isCondition()) {
                    continue;
                }
                ConditionSnippet snippet;
                try {
                    snippet = ConditionSnippet.parse(column.snippet());
                } catch (IllegalArgumentException e) {
                    problems.add(TableProblem.at(sheetName(), null, column, "检查器无法理解这一列的代码片段（第 7 行）：" + e.getMessage(),
                            e.getMessage()));
                    continue;
                }
                Integer index = inputIndex.get(snippet.field());
                if (index == null) {
                    Class<?> type = fieldType(fact, snippet.field());
                    if (type == null) {
                        problems.add(TableProblem.at(sheetName(), null, column, fact.getSimpleName() + " 没有输入 '"
                                + snippet.field() + "'", fact.getSimpleName() + " has no input '" + snippet.field() + "'"));
                        continue;
                    }
                    index = inputs.size();
                    inputIndex.put(snippet.field(), index);
                    inputs.add(new Input(snippet.field(), type, new ArrayList<>(), false));
                }
                conds.add(new Cond(column, snippet, index));
            }
            List<Input> domains = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                domains.add(domain(inputs.get(i), conds, i));
            }
            List<CompiledRule> rules = compile(conds, domains);
            checkActions(fact);
            Set<String> names = new HashSet<>();
            for (DecisionTableSheet.Rule rule : sheet.rules()) {
                if (!names.add(rule.name())) {
                    problems.add(TableProblem.at(sheetName(), rule, null, "规则名出现了两次；名称必须唯一",
                            "the name '" + rule.name() + "' is used twice; names must be unique"));
                }
            }
            List<String> inputNames = domains.stream().map(Input::field).toList();
            if (!problems.isEmpty()) {
                return report(inputNames, 0, 0, 0, problems);
            }
            long combinations = 1;
            for (Input input : domains) {
                combinations *= input.values().size();
                if (combinations > MAX_COMBINATIONS) {
                    return report(inputNames, combinations, 0, 0, List.of(TableProblem.of(sheetName(), "组合超过 " + MAX_COMBINATIONS
                            + " 个：请在 properties 文件中声明更少的取值", "more than " + MAX_COMBINATIONS
                            + " combinations: declare fewer values (qunyun.values.<input> in the properties file)")));
                }
            }
            return enumerate(domains, conds, rules, combinations);
        }

        /** The sheet's name as the analyst sees it (a report of {@code Tiers/TierWeights} is on sheet {@code Tiers}). */
        String sheetName() {
            return table.contains("/") ? table.substring(0, table.indexOf('/')) : table;
        }

        Report report(List<String> inputs, long combinations, long gaps, long conflicts, List<TableProblem> problems) {
            return new Report(table, policy, sheet.rules().size(), inputs, combinations, gaps, conflicts, List.copyOf(problems));
        }

        /** The fact class the conditions bind: the unit's data store named in the pattern (e.g. {@code $r: /rewards}). */
        Class<?> factClass() {
            if (sheet.ruleSet() == null || sheet.unit() == null) {
                throw new IllegalStateException("the sheet has no RuleSet or Unit cell");
            }
            String unitName = sheet.unit().contains(".") ? sheet.unit() : sheet.ruleSet() + "." + sheet.unit();
            Class<?> unit;
            try {
                unit = Class.forName(unitName);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no rule unit class " + unitName);
            }
            String pattern = sheet.columns().stream().filter(DecisionTableSheet.Column::isCondition)
                    .map(DecisionTableSheet.Column::pattern).filter(p -> !p.isBlank()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no pattern (e.g. $r: /rewards) above the conditions"));
            String store = pattern.replaceAll("^.*?/\\s*([A-Za-z0-9_]+).*$", "$1");
            String getter = "get" + Character.toUpperCase(store.charAt(0)) + store.substring(1);
            try {
                Type type = unit.getMethod(getter).getGenericReturnType();
                if (type instanceof ParameterizedType parameterized
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> factClass) {
                    return factClass;
                }
            } catch (NoSuchMethodException e) {
                // reported below
            }
            throw new IllegalStateException("cannot find the facts of pattern '" + pattern + "' in " + unitName);
        }

        static Class<?> fieldType(Class<?> fact, String field) {
            String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            for (String getter : List.of("get" + suffix, "is" + suffix)) {
                try {
                    Method method = fact.getMethod(getter);
                    return method.getReturnType();
                } catch (NoSuchMethodException e) {
                    // try the next form
                }
            }
            return null;
        }

        Input domain(Input input, List<Cond> conds, int index) {
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
                for (DecisionTableSheet.Rule rule : sheet.rules()) {
                    for (Cond cond : conds) {
                        if (cond.input() == index && !rule.cell(cond.column()).isEmpty()) {
                            try {
                                long n = Long.parseLong(rule.cell(cond.column()));
                                numbers.addAll(List.of(n - 1, n, n + 1));
                            } catch (NumberFormatException e) {
                                // reported when the rule is compiled
                            }
                        }
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
                TreeSet<java.math.BigDecimal> numbers = new TreeSet<>();
                for (DecisionTableSheet.Rule rule : sheet.rules()) {
                    for (Cond cond : conds) {
                        if (cond.input() == index && !rule.cell(cond.column()).isEmpty()) {
                            try {
                                java.math.BigDecimal n = new java.math.BigDecimal(rule.cell(cond.column()));
                                java.math.BigDecimal step = java.math.BigDecimal.ONE.movePointLeft(Math.max(n.scale(), 0) + 2);
                                numbers.addAll(List.of(n.subtract(step), n, n.add(step)));
                            } catch (NumberFormatException e) {
                                // reported when the rule is compiled
                            }
                        }
                    }
                }
                if (numbers.isEmpty()) {
                    numbers.add(java.math.BigDecimal.ZERO);
                }
                for (java.math.BigDecimal n : numbers) {
                    values.add(type == java.math.BigDecimal.class ? n : (Object) n.doubleValue());
                }
                if (!type.isPrimitive()) {
                    values.add(null);
                }
            } else if (type == String.class) {
                String declaration = properties.getProperty("qunyun.values." + input.field());
                if (declaration != null) {
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
                } else {
                    declared = false;
                    Set<String> written = new LinkedHashSet<>();
                    for (DecisionTableSheet.Rule rule : sheet.rules()) {
                        for (Cond cond : conds) {
                            if (cond.input() == index && !rule.cell(cond.column()).isEmpty()) {
                                written.add(rule.cell(cond.column()));
                            }
                        }
                    }
                    values.addAll(written);
                    values.add(OTHER);
                    values.add(null);
                }
            } else {
                problems.add(TableProblem.of(sheetName(), "输入 '" + input.field() + "' 的类型 " + type.getSimpleName() + " 无法枚举",
                        "input '" + input.field() + "' has type " + type.getSimpleName() + ", which the checker cannot enumerate"));
            }
            return new Input(input.field(), type, values, declared);
        }

        static boolean decimal(Class<?> type) {
            return type == double.class || type == Double.class || type == float.class || type == Float.class
                    || type == java.math.BigDecimal.class;
        }

        static Class<?> enumClass(String name) {
            try {
                Class<?> type = Class.forName(name);
                return type.isEnum() ? type : null;
            } catch (ClassNotFoundException e) {
                return null;
            }
        }

        List<CompiledRule> compile(List<Cond> conds, List<Input> inputs) {
            List<CompiledRule> rules = new ArrayList<>();
            for (DecisionTableSheet.Rule rule : sheet.rules()) {
                Object[] params = new Object[conds.size()];
                for (int c = 0; c < conds.size(); c++) {
                    Cond cond = conds.get(c);
                    String cell = rule.cell(cond.column());
                    if (cell.isEmpty()) {
                        continue;
                    }
                    Input input = inputs.get(cond.input());
                    try {
                        params[c] = param(input, cond.snippet(), cell);
                    } catch (IllegalArgumentException e) {
                        problems.add(TableProblem.at(sheetName(), rule, cond.column(), zh(e.getMessage()), e.getMessage()));
                    }
                }
                rules.add(new CompiledRule(rule, params, rule.priority() == null ? 0 : rule.priority()));
            }
            return rules;
        }

        private static final java.util.regex.Pattern SETTER = java.util.regex.Pattern.compile(
                "^\\s*\\$[A-Za-z_][A-Za-z0-9_]*\\.(set[A-Za-z0-9_]+)\\(\\s*(\"?)\\$param\\2\\s*\\)\\s*;?\\s*$");

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
                java.util.regex.Matcher setter = SETTER.matcher(column.snippet());
                if (!setter.matches()) {
                    continue;
                }
                Class<?> type = Arrays.stream(fact.getMethods())
                        .filter(m -> m.getName().equals(setter.group(1)) && m.getParameterCount() == 1)
                        .map(m -> m.getParameterTypes()[0]).findFirst().orElse(null);
                if (type == null) {
                    problems.add(TableProblem.at(sheetName(), null, column, fact.getSimpleName() + " 没有输出 " + setter.group(1),
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
                            problems.add(TableProblem.at(sheetName(), rule, column, "「" + cell + "」不是整数", "'" + cell + "' is not a whole number"));
                        }
                    } else if (decimal(type)) {
                        if (!cell.matches("-?\\d+(\\.\\d+)?")) {
                            problems.add(TableProblem.at(sheetName(), rule, column, "「" + cell + "」不是数字", "'" + cell + "' is not a number"));
                        }
                    } else if (type == boolean.class || type == Boolean.class) {
                        if (!cell.equalsIgnoreCase("true") && !cell.equalsIgnoreCase("false")) {
                            problems.add(TableProblem.at(sheetName(), rule, column, "「" + cell + "」不是 true 或 false",
                                    "'" + cell + "' is not true or false"));
                        }
                    } else if (type == String.class && declared != null) {
                        Input values = domain(new Input(output, String.class, List.of(), true), List.of(), -1);
                        if (!values.values().contains(cell)) {
                            List<String> allowed = values.values().stream().filter(v -> v != null).map(String::valueOf).toList();
                            problems.add(TableProblem.at(sheetName(), rule, column, "「" + cell + "」不在可选值 " + allowed + " 之中",
                                    "'" + cell + "' is not one of " + allowed));
                        }
                    }
                    if (type == String.class && setter.group(2).isEmpty()) {
                        problems.add(TableProblem.at(sheetName(), null, column, "代码片段写入文本时没有加引号",
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

        static Object param(Input input, ConditionSnippet snippet, String cell) {
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
            if (decimal(type)) {
                try {
                    java.math.BigDecimal n = new java.math.BigDecimal(cell);
                    return type == java.math.BigDecimal.class ? n : (Object) n.doubleValue();
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

        Report enumerate(List<Input> inputs, List<Cond> conds, List<CompiledRule> rules, long combinations) {
            int n = inputs.size();
            int[] position = new int[n];
            Object[] values = new Object[n];
            Map<CompiledRule, Long> matched = new HashMap<>();
            Map<CompiledRule, Long> decided = new HashMap<>();
            List<TableProblem> gapExamples = new ArrayList<>();
            long gaps = 0;
            long conflicts = 0;
            // conflicts grouped by the rows involved: one line per set of rows
            Map<String, long[]> conflictCounts = new LinkedHashMap<>();
            Map<String, String> conflictExample = new HashMap<>();
            List<CompiledRule> matches = new ArrayList<>();
            for (long k = 0; k < combinations; k++) {
                for (int i = 0; i < n; i++) {
                    values[i] = inputs.get(i).values().get(position[i]);
                }
                matches.clear();
                for (CompiledRule rule : rules) {
                    if (matches(rule, conds, values)) {
                        matches.add(rule);
                        matched.merge(rule, 1L, Long::sum);
                    }
                }
                if (policy != HitPolicy.COLLECT) {
                    if (matches.isEmpty()) {
                        gaps++;
                        if (gapExamples.size() < MAX_EXAMPLES) {
                            String combination = describe(inputs, values);
                            gapExamples.add(TableProblem.of(sheetName(), "缺口：没有任何一行决定 " + combination,
                                    "gap: no row decides " + combination));
                        }
                    } else {
                        List<CompiledRule> top = top(matches);
                        if (top.size() > 1) {
                            conflicts++;
                            String key = conflictKey(top);
                            conflictCounts.computeIfAbsent(key, x -> new long[1])[0]++;
                            conflictExample.putIfAbsent(key, describe(inputs, values));
                        } else {
                            decided.merge(top.get(0), 1L, Long::sum);
                        }
                    }
                }
                for (int i = n - 1; i >= 0; i--) {
                    if (++position[i] < inputs.get(i).values().size()) {
                        break;
                    }
                    position[i] = 0;
                }
            }
            List<TableProblem> found = new ArrayList<>(gapExamples);
            if (gaps > gapExamples.size()) {
                found.add(TableProblem.of(sheetName(), "……另有 " + (gaps - gapExamples.size()) + " 个组合没有任何一行决定",
                        "... and " + (gaps - gapExamples.size()) + " more combination(s) no row decides"));
            }
            int listed = 0;
            for (Map.Entry<String, long[]> conflict : conflictCounts.entrySet()) {
                if (listed++ == MAX_EXAMPLES) {
                    found.add(TableProblem.of(sheetName(), "……另有 " + (conflictCounts.size() - MAX_EXAMPLES) + " 组冲突的行",
                            "... and " + (conflictCounts.size() - MAX_EXAMPLES) + " more set(s) of conflicting rows"));
                    break;
                }
                found.add(TableProblem.of(sheetName(), "冲突：" + conflict.getKey() + "（同时匹配且无法分出先后）- "
                        + conflict.getValue()[0] + " 个组合，例如 " + conflictExample.get(conflict.getKey()),
                        "conflict: " + conflict.getKey() + " - " + conflict.getValue()[0] + " combination(s), e.g. "
                        + conflictExample.get(conflict.getKey())));
            }
            for (CompiledRule rule : rules) {
                if (!matched.containsKey(rule)) {
                    found.add(TableProblem.at(sheetName(), rule.rule(), null, "这一行永远不会匹配：没有任何输入组合满足它的全部条件",
                            "row " + rule.rule().row() + " '" + rule.rule().name() + "' never matches: no combination of "
                            + "inputs satisfies all its conditions"));
                } else if (policy != HitPolicy.COLLECT && !decided.containsKey(rule) && conflictCounts.keySet().stream()
                        .noneMatch(key -> key.contains("'" + rule.rule().name() + "'"))) {
                    found.add(TableProblem.at(sheetName(), rule.rule(), null, "这一行永远不会起决定作用：它匹配时总有优先级更高的行也匹配",
                            "row " + rule.rule().row() + " '" + rule.rule().name() + "' never decides: whenever it matches, "
                            + "a row of higher priority matches too"));
                }
            }
            return report(inputs.stream().map(Input::field).toList(), combinations, gaps, conflicts, found);
        }

        List<CompiledRule> top(List<CompiledRule> matches) {
            if (matches.size() == 1 || policy == HitPolicy.UNIQUE) {
                return matches;
            }
            int best = matches.stream().mapToInt(CompiledRule::priority).max().orElseThrow();
            return matches.stream().filter(r -> r.priority() == best).toList();
        }

        String conflictKey(List<CompiledRule> top) {
            StringJoiner rows = new StringJoiner(" and ", "rows ", "");
            for (CompiledRule rule : top) {
                rows.add("'" + rule.rule().name() + "'");
            }
            return rows + (policy == HitPolicy.PRIORITY
                    ? " match together with the same priority " + top.get(0).priority()
                    : " match together (hit policy UNIQUE: rows must not overlap)");
        }

        static boolean matches(CompiledRule rule, List<Cond> conds, Object[] values) {
            for (int c = 0; c < conds.size(); c++) {
                Object param = rule.params()[c];
                if (param == null) {
                    continue;
                }
                Object value = values[conds.get(c).input()];
                if (value == OTHER) {
                    value = "\u0000other";
                }
                if (!conds.get(c).snippet().test(value, param)) {
                    return false;
                }
            }
            return true;
        }

        String describe(List<Input> inputs, Object[] values) {
            StringJoiner text = new StringJoiner(" ");
            for (int i = 0; i < inputs.size(); i++) {
                text.add(inputs.get(i).field() + "=" + (values[i] == null ? "(absent)" : values[i]));
            }
            return text.toString();
        }
    }
}
