package io.qunyun.rules.domain.audit;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.inject.Singleton;

import io.qunyun.platform.audit.AuditVocabulary;

/**
 * The actions rules-service records, as stable names {@code <target type>.<what happened>} (clients filter
 * on them: rename none, only add). The target of an entry is of the action's first word.
 */
@Singleton
public final class AuditActions implements AuditVocabulary {

    /** A new workbook version of a decision table was uploaded and stored with its check (target: the table name). */
    public static final String TABLE_UPLOADED = "table.uploaded";
    /** A version uploaded after the one in use was activated: every instance decides with it (target: the table name). */
    public static final String TABLE_PUBLISHED = "table.published";
    /** A version uploaded before the one in use was activated again, e.g. the built-in one (target: the table name). */
    public static final String TABLE_ROLLED_BACK = "table.rolled-back";
    /** A new release's built-in workbook was stored and activated at startup (target: the table name). */
    public static final String TABLE_RELEASED = "table.released";

    public static final SortedSet<String> ALL = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
            TABLE_UPLOADED, TABLE_PUBLISHED, TABLE_ROLLED_BACK, TABLE_RELEASED)));

    AuditActions() {
        // a bean (the service's AuditVocabulary); the names are used as constants
    }

    @Override
    public SortedSet<String> actions() {
        return ALL;
    }
}
