package io.qunyun.rules.domain.check;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition column's code snippet, interpreted rather than compiled: {@code field OP $param} or
 * {@code field != null && field OP $param}, OP one of {@code == != < <= > >=}, {@code $param} quoted
 * ({@code "$param"}, the cell is text) or not. Anything else is rejected with a readable reason: the
 * checker never guesses what a snippet means.
 */
public record ConditionSnippet(String field, String operator, boolean quoted, boolean nullGuard) {

    static final String SUPPORTED = "field == \"$param\", field == $param, field != $param, field < $param, "
            + "field <= $param, field > $param, field >= $param, field != null && field > $param";

    private static final Pattern SIMPLE = Pattern.compile(
            "^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(==|!=|<=|>=|<|>)\\s*(\"?)\\$param\\3\\s*$");
    private static final Pattern GUARDED = Pattern.compile(
            "^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*!=\\s*null\\s*&&\\s*\\1\\s*(==|!=|<=|>=|<|>)\\s*(\"?)\\$param\\3\\s*$");

    /** @throws IllegalArgumentException when the snippet has another form */
    public static ConditionSnippet parse(String snippet) {
        Matcher guarded = GUARDED.matcher(snippet);
        if (guarded.matches()) {
            return new ConditionSnippet(guarded.group(1), guarded.group(2), !guarded.group(3).isEmpty(), true);
        }
        Matcher simple = SIMPLE.matcher(snippet);
        if (simple.matches()) {
            return new ConditionSnippet(simple.group(1), simple.group(2), !simple.group(3).isEmpty(), false);
        }
        throw new IllegalArgumentException("cannot interpret the snippet `" + snippet + "`; the checker understands "
                + SUPPORTED);
    }

    /**
     * Whether a fact whose field has {@code value} satisfies the condition with the cell's {@code param}.
     * Equality is null-safe (absent never equals a value, and differs from every value); ordering
     * comparisons never match an absent value.
     */
    public boolean test(Object value, Object param) {
        if (value == null && nullGuard) {
            return false;
        }
        return switch (operator) {
            case "==" -> same(value, param);
            case "!=" -> !same(value, param);
            default -> {
                if (!(value instanceof Number number) || !(param instanceof Number bound)) {
                    yield false;
                }
                int order = new java.math.BigDecimal(number.toString()).compareTo(new java.math.BigDecimal(bound.toString()));
                yield switch (operator) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    default -> order >= 0;
                };
            }
        };
    }

    /** Null-safe equality; numbers by value (2 == 2.0). */
    private static boolean same(Object value, Object param) {
        if (value instanceof Number a && param instanceof Number b) {
            return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(value, param);
    }

    @Override
    public String toString() {
        return (nullGuard ? field + " != null && " : "") + field + " " + operator + " " + (quoted ? "\"$param\"" : "$param");
    }
}
