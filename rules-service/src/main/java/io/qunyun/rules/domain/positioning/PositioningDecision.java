package io.qunyun.rules.domain.positioning;

import java.util.List;

/**
 * Outcome of the GroupPositioning table; {@code type} is null when the deciding row leaves the span
 * unclassified. {@code firedRules} lists every matching row, highest priority first; {@code decidedBy}
 * is the one whose outputs apply.
 */
public record PositioningDecision(
        GroupType type,
        Integer lifespanHours,
        Intensity intensity,
        PrimaryMetric primaryMetric,
        String tableVersion,
        List<String> firedRules,
        String decidedBy) {
}
