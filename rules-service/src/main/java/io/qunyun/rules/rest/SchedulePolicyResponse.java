package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.schedule.CapMode;
import io.qunyun.rules.domain.schedule.SchedulePolicyDecision;

public record SchedulePolicyResponse(
        @Schema(description = "Start of the quiet hours, local HH:mm", example = "22:00") String quietStart,
        @Schema(description = "End of the quiet hours, local HH:mm; before the start when they wrap midnight", example = "08:00") String quietEnd,
        @Schema(description = "1:1 tasks per member and local day at most") int contactCapPerDay,
        @Schema(description = "What happens beyond the cap") CapMode capMode,
        @Schema(description = "Group touches per group and local month at most; null = no limit", nullable = true) Integer groupPostsPerMonth,
        @Schema(description = "1:1 touches per member and local month at most; null = no limit", nullable = true) Integer oneToOnePerCustomerPerMonth,
        @Schema(description = "Circle layers operators serve 1:1") List<String> oneToOneLayers,
        @Schema(description = "Of the influence layer, only members active within these days are served 1:1; null = all", nullable = true) Integer influenceActiveWithinDays,
        @Schema(description = "The row that decided: the highest-priority row that matched") String decidedBy,
        @Schema(example = "SchedulePolicy") String table,
        @Schema(description = "sha256:<hex> of the workbook") String tableVersion,
        @Schema(description = "Every row that matched, highest priority first") List<String> firedRules) {

    static SchedulePolicyResponse of(SchedulePolicyDecision d) {
        return new SchedulePolicyResponse(d.quietStart(), d.quietEnd(), d.contactCapPerDay(), d.capMode(),
                d.groupPostsPerMonth(), d.oneToOnePerCustomerPerMonth(), d.oneToOneLayers(), d.influenceActiveWithinDays(),
                d.decidedBy(), DecisionTable.SCHEDULE_POLICY.tableName(), d.tableVersion(), d.firedRules());
    }
}
