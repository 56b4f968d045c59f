package io.qunyun.rules.domain.reward;

import org.drools.ruleunits.api.RuleUnit;

import io.qunyun.rules.domain.DecisionTableCatalog;

/**
 * Builds a {@link RewardService} outside Quarkus, for the JMH benchmark: sets the two fields CDI
 * injects, so the benchmark measures {@link RewardService#decide} itself and not a copy of it.
 */
public final class RewardServiceWiring {

    private RewardServiceWiring() {
    }

    public static RewardService rewardService(RuleUnit<RewardUnit> ruleUnit, DecisionTableCatalog catalog) {
        RewardService service = new RewardService();
        service.ruleUnit = ruleUnit;
        service.catalog = catalog;
        return service;
    }
}
