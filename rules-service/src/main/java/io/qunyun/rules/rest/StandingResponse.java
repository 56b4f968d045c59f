package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.standing.ActivityState;
import io.qunyun.rules.domain.standing.StandingDecision;
import io.qunyun.rules.domain.touch.CircleLayer;
import io.qunyun.rules.domain.touch.RelationshipStage;

public record StandingResponse(
        @Schema(description = "Stage the facts reach; member-service never moves a stage back") RelationshipStage stage,
        @Schema(description = "The Stages row that decided") String stageRule,
        ActivityState activityState,
        @Schema(description = "The ActivityStates row that decided") String activityStateRule,
        CircleLayer layer,
        @Schema(description = "The Layers row that decided") String layerRule,
        @Schema(example = "MemberStanding") String table,
        @Schema(description = "sha256:<hex> of the workbook") String tableVersion,
        @Schema(description = "Every matching row of the three tables") List<String> firedRules) {

    static StandingResponse of(StandingDecision d) {
        return new StandingResponse(d.stage(), d.stageRule(), d.activityState(), d.activityStateRule(), d.layer(),
                d.layerRule(), DecisionTable.MEMBER_STANDING.tableName(), d.tableVersion(), d.firedRules());
    }
}
