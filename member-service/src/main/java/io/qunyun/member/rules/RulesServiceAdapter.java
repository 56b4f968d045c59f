package io.qunyun.member.rules;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.qunyun.member.domain.ActivityState;
import io.qunyun.member.domain.CircleLayer;
import io.qunyun.member.domain.MembershipRules;
import io.qunyun.member.domain.RelationshipStage;
import io.qunyun.member.domain.RulesUnavailableException;

/** Asks rules-service's Admission and MemberStanding tables; any failure becomes a 503 for the caller. */
@ApplicationScoped
public class RulesServiceAdapter implements MembershipRules {

    private static final Logger LOG = Logger.getLogger(RulesServiceAdapter.class);

    private final RulesClient client;

    RulesServiceAdapter(@RestClient RulesClient client) {
        this.client = client;
    }

    @Override
    public RejoinDecision rejoin(RejoinQuestion question) {
        RulesClient.RejoinAnswer answer;
        try {
            answer = client.rejoin(new RulesClient.RejoinRequest(question.previousExitKind().name(), question.hadReason(),
                    question.daysSinceExit(), question.groupType()));
        } catch (RuntimeException e) {
            LOG.warnf("rules-service did not decide a rejoin: %s", e.toString());
            throw new RulesUnavailableException("whether the former member may rejoin", e);
        }
        if (answer == null || answer.allowed() == null || answer.screeningRequired() == null) {
            throw new RulesUnavailableException("whether the former member may rejoin",
                    new IllegalStateException("incomplete Admission answer " + answer));
        }
        return new RejoinDecision(answer.allowed(), answer.screeningRequired(), answer.reason(), answer.decidedBy(),
                answer.tableVersion(), answer.firedRules() == null ? java.util.List.of() : answer.firedRules());
    }

    @Override
    public StandingDecision standing(StandingFacts facts) {
        RulesClient.StandingAnswer answer;
        try {
            answer = client.standing(new RulesClient.StandingRequest(facts.interactions(), facts.purchases(), facts.shares(),
                    facts.contributions(), facts.daysSinceLastActivity(), facts.daysSinceLastContribution()));
            return new StandingDecision(RelationshipStage.valueOf(answer.stage()), answer.stageRule(),
                    ActivityState.valueOf(answer.activityState()), answer.activityStateRule(),
                    CircleLayer.valueOf(answer.layer()), answer.layerRule(), answer.tableVersion());
        } catch (RuntimeException e) {
            // down, timed out, or an answer this service cannot use (an unknown stage)
            LOG.warnf("rules-service did not decide a member's standing: %s", e.toString());
            throw new RulesUnavailableException("the member's standing", e);
        }
    }
}
