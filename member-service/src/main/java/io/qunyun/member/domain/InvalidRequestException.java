package io.qunyun.member.domain;

/** A request field the domain rejects (an unknown role, a staff role without a reviewer): 400. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
