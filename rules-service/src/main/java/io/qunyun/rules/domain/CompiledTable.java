package io.qunyun.rules.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitData;

/**
 * One version of one decision table, compiled and ready to decide. Immutable: a decision takes the
 * table in use once ({@link DecisionTableCatalog#active}) and computes everything with that object, so
 * it is decided entirely by one version and names it, even while another version is being activated.
 *
 * @param activation increases with every activation in this process; the decision cache uses it to
 *                   drop every answer of an earlier version
 * @param candidate  an uploaded workbook being checked, never in use for real decisions
 */
public record CompiledTable(DecisionTable table, String version, byte[] workbook, List<DecisionTableSheet> sheets,
        HitPolicy hitPolicy, Map<String, Integer> priorities, Map<Class<?>, RuleUnit<?>> units, long activation,
        boolean candidate) {

    public TableInfo info() {
        return new TableInfo(table, version, rules().size(), hitPolicy);
    }

    public List<DecisionTableSheet.Rule> rules() {
        return DecisionTableSheet.rules(sheets);
    }

    public CompiledTable withActivation(long activation, boolean candidate) {
        return new CompiledTable(table, version, workbook, sheets, hitPolicy, priorities, units, activation, candidate);
    }

    @SuppressWarnings("unchecked")
    public <T extends RuleUnitData> RuleUnit<T> unit(Class<T> unitClass) {
        RuleUnit<?> unit = units.get(unitClass);
        if (unit == null) {
            throw new DecisionTableDefectException(table, "the workbook declares no rule unit " + unitClass.getSimpleName()
                    + " (cell next to 'Unit' on the sheet)");
        }
        return (RuleUnit<T>) unit;
    }

    /**
     * Which fired row decides, by the table's hit policy: none when nothing fired; with UNIQUE the only
     * fired row; with PRIORITY the fired row of highest priority. Overlapping rows under UNIQUE, or
     * several fired rows sharing the top priority, are table defects: never a silent pick.
     */
    public String decidingRow(List<String> fired) {
        if (fired.isEmpty()) {
            return null;
        }
        switch (hitPolicy) {
            case UNIQUE -> {
                if (fired.size() > 1) {
                    throw new DecisionTableDefectException(table, "hit policy UNIQUE but rows overlap: " + fired);
                }
                return fired.get(0);
            }
            case PRIORITY -> {
                int top = Integer.MIN_VALUE;
                List<String> best = new ArrayList<>();
                for (String rule : fired) {
                    Integer priority = priorities.get(rule);
                    if (priority == null) {
                        throw new DecisionTableDefectException(table, "fired row '" + rule + "' is not in the workbook");
                    }
                    if (priority > top) {
                        top = priority;
                        best.clear();
                    }
                    if (priority == top) {
                        best.add(rule);
                    }
                }
                if (best.size() > 1) {
                    throw new DecisionTableDefectException(table, "rows " + best + " all match with the same priority " + top
                            + ": give them different priorities");
                }
                return best.get(0);
            }
            default -> throw new IllegalStateException(table.tableName() + " has hit policy COLLECT: every fired row applies");
        }
    }
}
