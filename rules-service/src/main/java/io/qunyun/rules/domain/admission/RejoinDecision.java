package io.qunyun.rules.domain.admission;

import java.util.List;

/**
 * Outcome of the Admission table.
 *
 * @param decidedBy  the row that decided: the highest-priority row that matched
 * @param firedRules every matching row
 */
public record RejoinDecision(boolean allowed, boolean screeningRequired, String reason, String decidedBy,
        String tableVersion, List<String> firedRules) {
}
