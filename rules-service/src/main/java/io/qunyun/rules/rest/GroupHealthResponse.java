package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.health.GroupHealthDecision;
import io.qunyun.rules.domain.health.ReviveKind;
import io.qunyun.rules.domain.health.Verdict;

public record GroupHealthResponse(
        Verdict verdict,
        @Schema(description = "Only for REVIVE", nullable = true) ReviveKind reviveKind,
        @Schema(description = "Note for operators; for DISSOLVE the goodbye to post (中文 / English)") String message,
        @Schema(description = "ageHours >= lifespanHours") boolean pastLifespan,
        @Schema(description = "The row that decided: the highest-priority row that matched") String decidedBy,
        @Schema(example = "GroupHealth") String table,
        @Schema(description = "sha256:<hex> of the workbook") String tableVersion,
        @Schema(description = "Every row that matched, highest priority first") List<String> firedRules) {

    static GroupHealthResponse of(GroupHealthDecision d) {
        return new GroupHealthResponse(d.verdict(), d.reviveKind(), d.message(), d.pastLifespan(), d.decidedBy(),
                DecisionTable.GROUP_HEALTH.tableName(), d.tableVersion(), d.firedRules());
    }
}
