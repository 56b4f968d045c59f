package io.qunyun.rules.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitData;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;
import org.drools.ruleunits.api.conf.RuleConfig;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Runs one evaluation of a rule unit and reports the names of the decision-table rows that fired. */
public final class RuleUnits {

    private RuleUnits() {
    }

    /**
     * Fires all matching rows once.
     *
     * @param afterEachRow called with the row name right after that row's actions ran, so callers can
     *                     attribute outputs to the row that produced them
     * @return the names of the rows that fired, in firing order
     */
    public static <T extends RuleUnitData> List<String> fire(RuleUnit<T> unit, T data, Consumer<String> afterEachRow) {
        List<String> fired = new ArrayList<>();
        RuleConfig config = RuleUnitProvider.get().newRuleConfig();
        config.getAgendaEventListeners().add(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                fired.add(rule);
                afterEachRow.accept(rule);
            }
        });
        try (RuleUnitInstance<T> instance = unit.createInstance(data, config)) {
            instance.fire();
        }
        return fired;
    }

    /**
     * As {@link #fire(RuleUnit, RuleUnitData, Consumer)}, for callbacks that validate each row's outputs:
     * an {@link IllegalStateException} they throw (a row left an output empty) is a defect of the table.
     */
    public static <T extends RuleUnitData> List<String> fire(DecisionTable table, RuleUnit<T> unit, T data,
            Consumer<String> checkEachRow) {
        try {
            return fire(unit, data, checkEachRow);
        } catch (IllegalStateException e) {
            throw new DecisionTableDefectException(table, e.getMessage());
        }
    }

    public static <T extends RuleUnitData> List<String> fire(RuleUnit<T> unit, T data) {
        return fire(unit, data, rule -> {
        });
    }
}
