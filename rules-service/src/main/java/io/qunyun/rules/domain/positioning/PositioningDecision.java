package io.qunyun.rules.domain.positioning;

import java.util.List;

/** Outcome of the GroupPositioning table; {@code type} is null when no row matched the span. */
public record PositioningDecision(
        GroupType type,
        Integer lifespanHours,
        Intensity intensity,
        PrimaryMetric primaryMetric,
        String tableVersion,
        List<String> firedRules) {
}
