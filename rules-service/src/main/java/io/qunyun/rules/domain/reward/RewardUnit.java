package io.qunyun.rules.domain.reward;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/** Rule unit of Rewards.drl.xlsx. */
public class RewardUnit implements RuleUnitData {

    private final DataStore<RewardCase> rewards = DataSource.createStore();

    public DataStore<RewardCase> getRewards() {
        return rewards;
    }
}
