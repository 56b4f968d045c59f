package io.qunyun.rules.domain.standing;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * Rule unit of MemberStanding.drl.xlsx: Stages matches {@code /stages}, ActivityStates {@code /states},
 * Layers {@code /layers}. The service fills one store per evaluation, so each evaluation runs one table.
 */
public class StandingUnit implements RuleUnitData {

    private final DataStore<StageCase> stages = DataSource.createStore();
    private final DataStore<ActivityStateCase> states = DataSource.createStore();
    private final DataStore<LayerCase> layers = DataSource.createStore();

    public DataStore<StageCase> getStages() {
        return stages;
    }

    public DataStore<ActivityStateCase> getStates() {
        return states;
    }

    public DataStore<LayerCase> getLayers() {
        return layers;
    }
}
