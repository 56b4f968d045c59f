package io.qunyun.rules.domain.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One regression case compared with an answer (the decision endpoint's JSON): the mismatches, in the
 * words the analyst reads ("expect.points: expected 50 but was 60"). Same rules as documented in
 * docs/decision-tables.md: an empty expectation is not checked, {@code null} expects no value,
 * {@code (none)} an empty list, lists compare joined with {@code |}, {@code firedRules} in any order.
 */
public record CaseOutcome(DecisionCases.Case c, boolean passed, List<String> mismatches, String decidedBy, List<String> fired) {

    public static CaseOutcome compare(DecisionCases.Case c, JsonNode answer) {
        List<String> mismatches = new ArrayList<>();
        List<String> fired = new ArrayList<>();
        answer.path(DecisionCases.FIRED).forEach(row -> fired.add(row.asText()));
        c.firedRules().ifPresent(expected -> {
            Set<String> actual = new TreeSet<>(fired);
            if (!new TreeSet<>(expected).equals(actual)) {
                mismatches.add("expected rows " + expected + " to fire but " + fired + " fired");
            }
        });
        for (Map.Entry<String, String> expect : c.expects().entrySet()) {
            String path = expect.getKey();
            String expected = expect.getValue();
            if (expected.isEmpty() || path.equals(DecisionCases.FIRED) || path.equals(DecisionCases.STATUS)) {
                continue;
            }
            String actual = text(at(answer, path));
            if (!Objects.equals(expected.equals(DecisionCases.NONE) ? "" : expected, actual)) {
                mismatches.add("expect." + path + ": expected " + expected + " but was " + actual);
            }
        }
        JsonNode decided = answer.get(DecisionCases.DECIDED_BY);
        return new CaseOutcome(c, mismatches.isEmpty(), List.copyOf(mismatches),
                decided == null || decided.isNull() ? null : decided.asText(), List.copyOf(fired));
    }

    /**
     * The value at a path like {@code points}, {@code findings[0].code}, {@code weights.PURCHASES}, or
     * {@code findings.code} (the code of every finding: a list).
     */
    static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null || current.isNull() || current.isMissingNode()) {
                return null;
            }
            String name = part;
            Integer index = null;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                name = part.substring(0, bracket);
                index = Integer.valueOf(part.substring(bracket + 1, part.indexOf(']')));
            }
            if (current.isArray()) {
                com.fasterxml.jackson.databind.node.ArrayNode collected = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .arrayNode();
                for (JsonNode item : current) {
                    collected.add(item.path(name));
                }
                current = collected;
            } else {
                current = current.get(name);
            }
            if (index != null && current != null) {
                current = current.get(index);
            }
        }
        return current;
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return String.join("|", items);
        }
        if (value.isObject()) {
            return value.toString();
        }
        return value.asText();
    }

    /** "Rewards case 'purchase' (Rewards.csv line 20): expect.points: expected 50 but was 60 [decided by ...]". */
    public String text() {
        String where = c.label() + " (" + c.table() + ".csv line " + c.line() + ")";
        String rows = " [" + (decidedBy == null ? "" : "decided by '" + decidedBy + "'; ") + "fired: " + fired + "]";
        return passed ? where + " passed" : where + " " + String.join("; ", mismatches) + rows;
    }
}
