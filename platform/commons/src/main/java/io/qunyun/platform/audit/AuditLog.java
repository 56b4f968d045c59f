package io.qunyun.platform.audit;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The audit log of this service: who did what to what, and when. Domain services call {@link #record}
 * inside the transaction of the change they make, so an entry is committed exactly when its change is
 * (TxType.MANDATORY: a call outside a transaction is a bug and fails). The actor is the authenticated
 * caller of the current request; consumers and scheduled jobs, which have no caller, name themselves with
 * {@link Actor#consumer}, {@link Actor#scheduler} or {@link Actor#startup}. The time is the service clock's.
 *
 * <p>Shared by every service; the actions are each service's {@link AuditVocabulary} (its AuditActions).
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    AuditStore store;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditVocabulary vocabulary;

    /** An action of the authenticated caller of the current request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, Object targetId, Map<String, Object> detail) {
        record(caller(action), action, targetId, detail);
    }

    /** An action of {@code actor} (the service itself, from a consumer or a job). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, Object targetId, Map<String, Object> detail) {
        if (!vocabulary.actions().contains(action)) {
            throw new IllegalArgumentException("unknown audit action " + action + " (add it to AuditActions)");
        }
        if (targetId == null || targetId.toString().isBlank()) {
            throw new IllegalArgumentException("audit action " + action + " names no target");
        }
        // PostgreSQL keeps microseconds: store what a later read returns
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.append(new AuditEntry(0, at, actor, action, AuditVocabulary.targetType(action), targetId.toString(),
                detail == null ? Map.of() : detail));
    }

    /** A page of entries: {@code nextCursor} is null on the last page. */
    public record Page(List<AuditEntry> entries, String nextCursor) {
    }

    /** Entries matching the query, newest first, and the cursor of the next page. */
    @Transactional
    public Page page(AuditQuery query) {
        // one more than asked: whether a next page exists, without a count query
        List<AuditEntry> rows = store.find(new AuditQuery(query.actor(), query.action(), query.targetType(),
                query.targetId(), query.from(), query.to(), query.before(), query.limit() + 1));
        if (rows.size() <= query.limit()) {
            return new Page(rows, null);
        }
        List<AuditEntry> entries = rows.subList(0, query.limit());
        return new Page(List.copyOf(entries), String.valueOf(entries.get(entries.size() - 1).id()));
    }

    /**
     * A detail object from key/value pairs, leaving out null values (absent says the same and keeps entries
     * small); ids, instants and enums become their text.
     */
    public static Map<String, Object> detail(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("detail takes key/value pairs");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                detail.put((String) keysAndValues[i], plain(value));
            }
        }
        return detail;
    }

    private static Object plain(Object value) {
        if (value instanceof UUID || value instanceof TemporalAccessor || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(AuditLog::plain).toList();
        }
        return value;
    }

    private Actor caller(String action) {
        // no request (a consumer or a job) or no token: the code must name the system actor and its cause
        boolean anonymous;
        try {
            anonymous = identity.isAnonymous();
        } catch (ContextNotActiveException e) {
            anonymous = true;
        }
        if (anonymous) {
            throw new IllegalStateException("audit action " + action + " has no authenticated caller; a consumer or "
                    + "a scheduled job records it with Actor.consumer/scheduler/startup");
        }
        // the principal is the token's sub (quarkus.oidc.token.principal-claim)
        return new Actor(identity.getPrincipal().getName(), List.copyOf(identity.getRoles()), null,
                displayName(identity.getPrincipal()));
    }

    /** What people call the caller, from the token (Keycloak: preferred_username, else name); null without one. */
    private static String displayName(Principal principal) {
        if (!(principal instanceof JsonWebToken jwt)) {
            return null;
        }
        String username = text(jwt.getClaim("preferred_username"));
        return username != null ? username : text(jwt.getClaim("name"));
    }

    // smallrye-jwt hands string claims out as String or as jakarta.json JsonString
    private static String text(Object claim) {
        return claim instanceof jakarta.json.JsonString s ? s.getString() : claim == null ? null : claim.toString();
    }
}
