package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.positioning.GroupType;
import io.qunyun.rules.domain.positioning.Intensity;
import io.qunyun.rules.domain.positioning.PrimaryMetric;

public record PositioningResponse(
        @Schema(description = "Group type; null when the span is unclassified (the fallback row decided)", nullable = true) GroupType type,
        @Schema(description = "Default lifespan in hours; null means open-ended", nullable = true) Integer lifespanHours,
        @Schema(nullable = true) Intensity intensity,
        @Schema(nullable = true) PrimaryMetric primaryMetric,
        @Schema(description = "Decision table that decided", example = "GroupPositioning") String table,
        @Schema(description = "sha256:<hex> of the workbook") String tableVersion,
        @Schema(description = "Names of all table rows that matched, highest priority first") List<String> firedRules,
        @Schema(description = "The matching row of highest priority: its outputs are the decision") String decidedBy) {
}
