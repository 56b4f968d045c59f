package io.qunyun.rules.domain.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.qunyun.rules.domain.HitPolicy;
import io.qunyun.rules.domain.TableProblem;

/**
 * Tries every combination of one sheet's input values against its rows and finds the gaps (no row decides),
 * the conflicts (two rows decide, or share the top priority), and the rows that never match or never decide.
 * A handful of examples is listed per kind ({@link TableChecker#MAX_EXAMPLES}), the rest counted.
 */
final class Combinations {

    /** What the enumeration found; {@code problems} lists the examples and counts for the analyst. */
    record Outcome(long gaps, long conflicts, List<TableProblem> problems) {
    }

    private final HitPolicy policy;
    private final String sheetName;

    Combinations(HitPolicy policy, String sheetName) {
        this.policy = policy;
        this.sheetName = sheetName;
    }

    Outcome enumerate(List<InputDomain> inputs, List<ConditionColumn> conds, List<CompiledRule> rules, long combinations) {
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
                    if (gapExamples.size() < TableChecker.MAX_EXAMPLES) {
                        String combination = describe(inputs, values);
                        gapExamples.add(TableProblem.of(sheetName, "缺口：没有任何一行决定 " + combination,
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
            found.add(TableProblem.of(sheetName, "……另有 " + (gaps - gapExamples.size()) + " 个组合没有任何一行决定",
                    "... and " + (gaps - gapExamples.size()) + " more combination(s) no row decides"));
        }
        int listed = 0;
        for (Map.Entry<String, long[]> conflict : conflictCounts.entrySet()) {
            if (listed++ == TableChecker.MAX_EXAMPLES) {
                found.add(TableProblem.of(sheetName, "……另有 " + (conflictCounts.size() - TableChecker.MAX_EXAMPLES) + " 组冲突的行",
                        "... and " + (conflictCounts.size() - TableChecker.MAX_EXAMPLES) + " more set(s) of conflicting rows"));
                break;
            }
            found.add(TableProblem.of(sheetName, "冲突：" + conflict.getKey() + "（同时匹配且无法分出先后）- "
                    + conflict.getValue()[0] + " 个组合，例如 " + conflictExample.get(conflict.getKey()),
                    "conflict: " + conflict.getKey() + " - " + conflict.getValue()[0] + " combination(s), e.g. "
                    + conflictExample.get(conflict.getKey())));
        }
        for (CompiledRule rule : rules) {
            if (!matched.containsKey(rule)) {
                found.add(TableProblem.at(sheetName, rule.rule(), null, "这一行永远不会匹配：没有任何输入组合满足它的全部条件",
                        "row " + rule.rule().row() + " '" + rule.rule().name() + "' never matches: no combination of "
                        + "inputs satisfies all its conditions"));
            } else if (policy != HitPolicy.COLLECT && !decided.containsKey(rule) && conflictCounts.keySet().stream()
                    .noneMatch(key -> key.contains("'" + rule.rule().name() + "'"))) {
                found.add(TableProblem.at(sheetName, rule.rule(), null, "这一行永远不会起决定作用：它匹配时总有优先级更高的行也匹配",
                        "row " + rule.rule().row() + " '" + rule.rule().name() + "' never decides: whenever it matches, "
                        + "a row of higher priority matches too"));
            }
        }
        return new Outcome(gaps, conflicts, found);
    }

    /** The rows that decide among those matching: all of them (UNIQUE), else those of the highest priority. */
    private List<CompiledRule> top(List<CompiledRule> matches) {
        if (matches.size() == 1 || policy == HitPolicy.UNIQUE) {
            return matches;
        }
        int best = matches.stream().mapToInt(CompiledRule::priority).max().orElseThrow();
        return matches.stream().filter(r -> r.priority() == best).toList();
    }

    private String conflictKey(List<CompiledRule> top) {
        StringJoiner rows = new StringJoiner(" and ", "rows ", "");
        for (CompiledRule rule : top) {
            rows.add("'" + rule.rule().name() + "'");
        }
        return rows + (policy == HitPolicy.PRIORITY
                ? " match together with the same priority " + top.get(0).priority()
                : " match together (hit policy UNIQUE: rows must not overlap)");
    }

    private static boolean matches(CompiledRule rule, List<ConditionColumn> conds, Object[] values) {
        for (int c = 0; c < conds.size(); c++) {
            Object param = rule.params()[c];
            if (param == null) {
                continue;
            }
            Object value = values[conds.get(c).input()];
            if (value == ValueDomains.OTHER) {
                value = "\u0000other";
            }
            if (!conds.get(c).snippet().test(value, param)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<InputDomain> inputs, Object[] values) {
        StringJoiner text = new StringJoiner(" ");
        for (int i = 0; i < inputs.size(); i++) {
            text.add(inputs.get(i).field() + "=" + (values[i] == null ? "(absent)" : values[i]));
        }
        return text.toString();
    }
}
