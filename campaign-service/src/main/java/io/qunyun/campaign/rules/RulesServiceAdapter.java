package io.qunyun.campaign.rules;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.qunyun.campaign.domain.CampaignRules;

/** The domain's {@link CampaignRules} port, answered by rules-service over REST. */
@ApplicationScoped
public class RulesServiceAdapter implements CampaignRules {

    private final RulesClient rules;

    RulesServiceAdapter(@RestClient RulesClient rules) {
        this.rules = rules;
    }

    @Override
    public PositioningDecision positioning(PositioningQuestion question) {
        return rules.positioning(question);
    }

    @Override
    public FiveW1HDecision fiveW1H(FiveW1HQuestion question) {
        return rules.fiveW1H(question);
    }

    @Override
    public TouchDecision touch(TouchQuestion question) {
        return rules.touch(question);
    }

    @Override
    public MetricDefinitions metricDefinitions(MetricDefinitionQuestion question) {
        return rules.metricDefinitions(question);
    }

    @Override
    public SchedulePolicyDecision schedulePolicy(SchedulePolicyQuestion question) {
        return rules.schedulePolicy(question);
    }
}
