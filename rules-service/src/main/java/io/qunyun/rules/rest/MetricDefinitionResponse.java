package io.qunyun.rules.rest;

import java.util.List;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.metrics.MetricDefinitionDecision;

/** The definitions with the table version and rows that decided them. */
public record MetricDefinitionResponse(int windowDays, List<String> activeTypes, List<String> convertedTypes,
        String decidedBy, String table, String tableVersion, List<String> firedRules) {

    static MetricDefinitionResponse of(MetricDefinitionDecision d) {
        return new MetricDefinitionResponse(d.windowDays(), d.activeTypes(), d.convertedTypes(), d.decidedBy(),
                DecisionTable.METRIC_DEFINITIONS.tableName(), d.tableVersion(), d.firedRules());
    }
}
