package io.qunyun.platform.audit;

import java.util.List;

/** Port of the audit log; the persistence adapter writes in the caller's (JTA) transaction. */
public interface AuditStore {

    /** Appends the entry in the current transaction (its {@code id} is ignored and assigned). */
    void append(AuditEntry entry);

    /** Entries matching the query, newest first, at most {@code query.limit()}. */
    List<AuditEntry> find(AuditQuery query);
}
