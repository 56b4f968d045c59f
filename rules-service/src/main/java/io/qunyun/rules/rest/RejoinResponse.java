package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.admission.RejoinDecision;

public record RejoinResponse(
        @Schema(description = "May the former member join again") boolean allowed,
        @Schema(description = "Must they be screened again, even when the group does not screen") boolean screeningRequired,
        @Schema(description = "Why, 中文 / English; shown to the member when refused") String reason,
        @Schema(description = "The row that decided: the highest-priority row that matched") String decidedBy,
        @Schema(example = "Admission") String table,
        @Schema(description = "sha256:<hex> of the workbook") String tableVersion,
        @Schema(description = "Every row that matched") List<String> firedRules) {

    static RejoinResponse of(RejoinDecision d) {
        return new RejoinResponse(d.allowed(), d.screeningRequired(), d.reason(), d.decidedBy(),
                DecisionTable.ADMISSION.tableName(), d.tableVersion(), d.firedRules());
    }
}
