package io.qunyun.rules.domain.standing;

import java.util.List;

import io.qunyun.rules.domain.touch.CircleLayer;
import io.qunyun.rules.domain.touch.RelationshipStage;

/**
 * Outcome of MemberStanding: each of its three tables names the row that decided.
 *
 * @param firedRules every matching row of the three tables, Stages first
 */
public record StandingDecision(RelationshipStage stage, String stageRule, ActivityState activityState,
        String activityStateRule, CircleLayer layer, String layerRule, String tableVersion, List<String> firedRules) {
}
