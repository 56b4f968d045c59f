package io.qunyun.campaign.rest;

/**
 * The error vocabulary of docs/errors.md: the shared types are the same, with the same titles, in the three
 * services (which share no code, hence one copy each); the few of one service follow. A type's title never
 * changes with the occurrence (that is what {@code detail} is for).
 */
public enum ProblemType {

    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    MALFORMED_BODY(400, "malformed-body", "Malformed request body"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    CONFLICT(409, "conflict", "Conflict"),
    IDEMPOTENCY_KEY_REUSED(409, "idempotency-key-reused", "Idempotency key reused with a different request"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    DATABASE_UNAVAILABLE(503, "database-unavailable", "Database unavailable"),
    RULES_SERVICE_UNAVAILABLE(503, "rules-service-unavailable", "Rules service unavailable"),
    MEMBER_SERVICE_UNAVAILABLE(503, "member-service-unavailable", "Member service unavailable"),

    // campaign-service only
    INVALID_TEMPLATE(400, "invalid-template", "Invalid template"),
    GROUP_POSITIONING_BLOCKED(422, "group-positioning-blocked", "Group positioning blocked");

    public static final String BASE = "https://qunyun.io/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The URI of a type named by its last segment (e.g. a membership conflict's kind, "already-member"). */
    public static String uriOf(String slug) {
        return BASE + slug;
    }

    /**
     * The type of a status the HTTP layer or a generic refusal answers: the shared type of that status, else
     * {@code http-<status>} (405, 406, 413, 415, ...).
     */
    public static String uriForStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST.uri();
            case 401 -> UNAUTHORIZED.uri();
            case 403 -> FORBIDDEN.uri();
            case 404 -> NOT_FOUND.uri();
            case 409 -> CONFLICT.uri();
            case 500 -> INTERNAL_ERROR.uri();
            default -> BASE + "http-" + status;
        };
    }

    /** The title that goes with {@link #uriForStatus}. */
    public static String titleForStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST.title;
            case 401 -> UNAUTHORIZED.title;
            case 403 -> FORBIDDEN.title;
            case 404 -> NOT_FOUND.title;
            case 409 -> CONFLICT.title;
            case 500 -> INTERNAL_ERROR.title;
            default -> {
                jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
                yield known == null ? "HTTP " + status : known.getReasonPhrase();
            }
        };
    }
}
