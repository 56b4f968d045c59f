package io.qunyun.member.domain;

/**
 * A request that contradicts the current state (already a member, not a member, application already
 * decided, screening required): 409, naming the request field and, for admission decisions, the rule.
 */
public class MembershipConflictException extends RuntimeException {

    private final String kind;
    private final String field;
    private final String rule;
    private final String tableVersion;

    public MembershipConflictException(String kind, String field, String message) {
        this(kind, field, message, null, null);
    }

    public MembershipConflictException(String kind, String field, String message, String rule, String tableVersion) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
        this.tableVersion = tableVersion;
    }

    /** Last segment of the problem type, e.g. {@code rejoin-refused}. */
    public String kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    /** The decision-table row that decided, when a table did. */
    public String rule() {
        return rule;
    }

    public String tableVersion() {
        return tableVersion;
    }
}
