package io.qunyun.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The filters of {@code GET /audit}, all optional and combined with AND: exact {@code actor}, {@code action},
 * {@code targetType}, {@code targetId}; {@code from} (inclusive) and {@code to} (exclusive) on the entry's time;
 * {@code before}: only entries older than this cursor (the id of the previous page's last entry).
 */
public record AuditQuery(String actor, String action, String targetType, String targetId, Instant from, Instant to,
        Long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** Longer than any principal name or id stored here: a longer filter can only be a mistake. */
    static final int MAX_TEXT = 200;

    /** A filter that cannot be applied; {@code field} is the query parameter at fault. */
    public static class InvalidFilterException extends RuntimeException {

        private final String field;

        InvalidFilterException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * Reads the query parameters as a client sent them (null or blank = not given); action and target type
     * filters must be of the service's {@code vocabulary}.
     *
     * @throws InvalidFilterException naming the first parameter at fault
     */
    public static AuditQuery parse(AuditVocabulary vocabulary, String actor, String action, String targetType, String targetId, String from,
            String to, String after, String limit) {
        String actionFilter = text("action", action);
        if (actionFilter != null && !vocabulary.actions().contains(actionFilter)) {
            throw new InvalidFilterException("action", "is not an action of this service's audit log; actions are "
                    + vocabulary.actions());
        }
        String typeFilter = text("targetType", targetType);
        if (typeFilter != null && !vocabulary.targetTypes().contains(typeFilter)) {
            throw new InvalidFilterException("targetType", "is not a target type of this service's audit log; types are "
                    + vocabulary.targetTypes());
        }
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidFilterException("to", "must be after from");
        }
        return new AuditQuery(text("actor", actor), actionFilter, typeFilter, text("targetId", targetId), fromInstant,
                toInstant, cursor(after), limit(limit));
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidFilterException(field, "is longer than " + MAX_TEXT + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFilterException(field, "must not contain control characters");
        }
        return value.strip();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFilterException(field, "must be an ISO-8601 instant with an offset, e.g. 2026-11-30T05:00:00Z");
        }
    }

    private static Long cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(after.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFilterException("after", "is not a cursor of this list (use the nextCursor of the previous page)");
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFilterException("limit", "must be an integer between 1 and " + MAX_LIMIT);
    }
}
