package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.touch.Channel;
import io.qunyun.rules.domain.touch.OwnerRole;
import io.qunyun.rules.domain.touch.TouchDecision;
import io.qunyun.rules.domain.touch.TouchPriority;

public record TouchResponse(
        @Schema(description = "What to do, 中文 / English") String action,
        Channel channel,
        @Schema(description = "Staff role, or CORE_MEMBER when core members reach the others") OwnerRole ownerRole,
        @Schema(description = "Urgency of the operator task") TouchPriority priority,
        @Schema(description = "The row that decided: the highest-priority row that matched") String decidedBy,
        @Schema(example = "TouchStrategy") String table,
        @Schema(description = "sha256:<hex> of the workbook") String tableVersion,
        @Schema(description = "Every row that matched, highest priority first") List<String> firedRules) {

    static TouchResponse of(TouchDecision d) {
        return new TouchResponse(d.action(), d.channel(), d.ownerRole(), d.priority(), d.decidedBy(),
                DecisionTable.TOUCH_STRATEGY.tableName(), d.tableVersion(), d.firedRules());
    }
}
