package io.qunyun.platform.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the audit log: when (the service clock), who ({@link Actor}), what ({@code action}, one of
 * the service's {@link AuditVocabulary}), to what ({@code targetType} + {@code targetId}; the type is the action's first
 * word) and a small detail (reasons, versions, ids; never a token or a secret). {@code id} orders the log
 * and is the paging cursor; it is 0 for an entry not yet stored.
 */
public record AuditEntry(long id, Instant at, Actor actor, String action, String targetType, String targetId,
        Map<String, Object> detail) {
}
