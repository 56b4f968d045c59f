package io.qunyun.rules.domain.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.qunyun.rules.domain.DecisionTableSheet;
import io.qunyun.rules.domain.HitPolicy;
import io.qunyun.rules.domain.TableProblem;

/**
 * Checks one RuleTable of a decision sheet: reads its condition columns into inputs of the fact, gathers the
 * values to try ({@link ValueDomains}), reads the rows' cells ({@link RuleCells}) and, when every cell reads,
 * tries every combination ({@link Combinations}). Problems are reported in that order.
 */
final class SheetChecker {

    private final String table;
    private final HitPolicy policy;
    private final DecisionTableSheet sheet;
    private final Properties properties;
    private final List<TableProblem> problems = new ArrayList<>();

    SheetChecker(String table, HitPolicy policy, DecisionTableSheet sheet, Properties properties) {
        this.table = table;
        this.policy = policy;
        this.sheet = sheet;
        this.properties = properties;
    }

    TableChecker.Report run() {
        List<InputDomain> inputs = new ArrayList<>();
        List<ConditionColumn> conds = new ArrayList<>();
        Class<?> fact;
        try {
            fact = FactTypes.factClass(sheet);
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
                Class<?> type = FactTypes.fieldType(fact, snippet.field());
                if (type == null) {
                    problems.add(TableProblem.at(sheetName(), null, column, fact.getSimpleName() + " 没有输入 '"
                            + snippet.field() + "'", fact.getSimpleName() + " has no input '" + snippet.field() + "'"));
                    continue;
                }
                index = inputs.size();
                inputIndex.put(snippet.field(), index);
                inputs.add(new InputDomain(snippet.field(), type, new ArrayList<>(), false));
            }
            conds.add(new ConditionColumn(column, snippet, index));
        }
        ValueDomains values = new ValueDomains(sheet, properties, sheetName(), problems);
        List<InputDomain> domains = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            domains.add(values.domain(inputs.get(i), conds, i));
        }
        RuleCells cells = new RuleCells(sheet, properties, sheetName(), values, problems);
        List<CompiledRule> rules = cells.compile(conds, domains);
        cells.checkActions(fact);
        Set<String> names = new HashSet<>();
        for (DecisionTableSheet.Rule rule : sheet.rules()) {
            if (!names.add(rule.name())) {
                problems.add(TableProblem.at(sheetName(), rule, null, "规则名出现了两次；名称必须唯一",
                        "the name '" + rule.name() + "' is used twice; names must be unique"));
            }
        }
        List<String> inputNames = domains.stream().map(InputDomain::field).toList();
        if (!problems.isEmpty()) {
            return report(inputNames, 0, 0, 0, problems);
        }
        long combinations = 1;
        for (InputDomain input : domains) {
            combinations *= input.values().size();
            if (combinations > TableChecker.MAX_COMBINATIONS) {
                return report(inputNames, combinations, 0, 0, List.of(TableProblem.of(sheetName(), "组合超过 "
                        + TableChecker.MAX_COMBINATIONS + " 个：请在 properties 文件中声明更少的取值", "more than "
                        + TableChecker.MAX_COMBINATIONS + " combinations: declare fewer values (qunyun.values.<input> in the properties file)")));
            }
        }
        Combinations.Outcome outcome = new Combinations(policy, sheetName()).enumerate(domains, conds, rules, combinations);
        return report(inputNames, combinations, outcome.gaps(), outcome.conflicts(), outcome.problems());
    }

    /** The sheet's name as the analyst sees it (a report of {@code Tiers/TierWeights} is on sheet {@code Tiers}). */
    private String sheetName() {
        return table.contains("/") ? table.substring(0, table.indexOf('/')) : table;
    }

    private TableChecker.Report report(List<String> inputs, long combinations, long gaps, long conflicts,
            List<TableProblem> problems) {
        return new TableChecker.Report(table, policy, sheet.rules().size(), inputs, combinations, gaps, conflicts,
                List.copyOf(problems));
    }
}
