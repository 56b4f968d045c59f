package io.qunyun.rules.domain.metrics;

import java.util.List;

/**
 * What the group metrics count, from the MetricDefinitions table: the window of a group-metrics
 * report and the activity types that make a member "active" and "converted".
 */
public record MetricDefinitionDecision(int windowDays, List<String> activeTypes, List<String> convertedTypes,
        String decidedBy, String tableVersion, List<String> firedRules) {
}
