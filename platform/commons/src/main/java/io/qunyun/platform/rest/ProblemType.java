package io.qunyun.platform.rest;

import jakarta.ws.rs.core.Response;

/**
 * The one error vocabulary of docs/errors.md: the types every service answers, then the few only one service
 * answers (the same list as the docs). A type's title never changes with the occurrence ({@code detail} does).
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

    // rules-service only
    DECISION_TABLE_DEFECT(500, "decision-table-defect", "Decision table defect"),
    WORKBOOK_REFUSED(422, "workbook-refused", "Workbook refused"),
    TABLE_COMPILER_BUSY(503, "table-compiler-busy", "Decision-table compiler busy"),

    // member-service only
    NOT_A_REVIEWER(403, "not-a-reviewer", "Not a reviewer of the group"),
    NOT_A_GROUP_MEMBER(422, "not-a-group-member", "Not a member of the group"),
    DUPLICATE_MEMBER(409, "duplicate-member", "Member already exists"),
    IDENTITY_TAKEN(409, "identity-taken", "Identity already registered"),
    MERGE_CONFLICT(409, "merge-conflict", "Members cannot be merged"),
    INSUFFICIENT_POINTS(409, "insufficient-points", "Not enough points"),
    DUPLICATE_REWARD(409, "duplicate-reward", "Reward already exists"),
    ALREADY_MEMBER(409, "already-member", "Already a member"),
    SCREENING_REQUIRED(409, "screening-required", "Screening required"),
    APPLICATION_PENDING(409, "application-pending", "Application pending"),
    APPLICATION_DECIDED(409, "application-decided", "Application already decided"),
    REJOIN_REFUSED(409, "rejoin-refused", "Rejoin refused"),

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

    /** The type whose URI ends in {@code slug} (e.g. a membership conflict's kind, "already-member"), if any. */
    public static java.util.Optional<ProblemType> ofSlug(String slug) {
        for (ProblemType type : values()) {
            if (type.slug.equals(slug)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    /** The URI of a type named by its last segment. */
    public static String uriOf(String slug) {
        return BASE + slug;
    }

    /**
     * The type of a status the HTTP layer or a generic refusal answers: the shared type of that status, else
     * {@code http-<status>} (405, 406, 413, 415, ...).
     */
    public static String uriForStatus(int status) {
        ProblemType shared = sharedOf(status);
        return shared != null ? shared.uri() : BASE + "http-" + status;
    }

    /** The title that goes with {@link #uriForStatus}. */
    public static String titleForStatus(int status) {
        ProblemType shared = sharedOf(status);
        if (shared != null) {
            return shared.title;
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private static ProblemType sharedOf(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 500 -> INTERNAL_ERROR;
            default -> null;
        };
    }
}
