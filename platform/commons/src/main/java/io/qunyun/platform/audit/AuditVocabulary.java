package io.qunyun.platform.audit;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The actions one service records, as stable names {@code <target type>.<what happened>}; the target of an
 * entry is of the action's first word. Each service provides exactly one bean (its {@code AuditActions}):
 * the audit log refuses any other action, and {@code GET /audit} any other action or target type filter.
 */
public interface AuditVocabulary {

    /** Every action this service records (clients filter on them: rename none, only add). */
    SortedSet<String> actions();

    /** The target type of an action: its first word. */
    static String targetType(String action) {
        return action.substring(0, action.indexOf('.'));
    }

    default SortedSet<String> targetTypes() {
        return actions().stream().map(AuditVocabulary::targetType).collect(Collectors.toCollection(TreeSet::new));
    }
}
