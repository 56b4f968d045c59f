package io.qunyun.member.domain;

import java.util.List;

/**
 * The decisions memberships take from rules-service's tables (Admission, MemberStanding). Implemented
 * by the adapter in io.qunyun.member.rules; every method throws {@link RulesUnavailableException} when
 * rules-service cannot answer.
 */
public interface MembershipRules {

    RejoinDecision rejoin(RejoinQuestion question);

    StandingDecision standing(StandingFacts facts);

    /**
     * A former member asks to join again.
     *
     * @param daysSinceExit whole local days of the group between the exit and now
     * @param groupType     the group's type, null when campaign-service sent none
     */
    record RejoinQuestion(ExitKind previousExitKind, boolean hadReason, int daysSinceExit, String groupType) {
    }

    /** @param decidedBy the Admission row that decided */
    record RejoinDecision(boolean allowed, boolean screeningRequired, String reason, String decidedBy,
            String tableVersion, List<String> firedRules) {
    }

    /**
     * What a member did in one group, as the MemberStanding table reads it.
     *
     * @param interactions              recorded activities in the group other than ad spam
     * @param purchases                 purchases in the group
     * @param shares                    shares in the group
     * @param contributions             content posts and shares in the group
     * @param daysSinceLastActivity     local days of the group since the last activity (or the join)
     * @param daysSinceLastContribution local days since the last content post or share (or the join)
     */
    record StandingFacts(int interactions, int purchases, int shares, int contributions, int daysSinceLastActivity,
            int daysSinceLastContribution) {

        public static final StandingFacts JUST_JOINED = new StandingFacts(0, 0, 0, 0, 0, 0);
    }

    /** The three RuleTables of MemberStanding each name the row that decided. */
    record StandingDecision(RelationshipStage stage, String stageRule, ActivityState activityState,
            String activityStateRule, CircleLayer layer, String layerRule, String tableVersion) {
    }
}
