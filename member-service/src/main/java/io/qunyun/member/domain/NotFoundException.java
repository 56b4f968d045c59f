package io.qunyun.member.domain;

/** A membership or application the request names does not exist: 404 naming the field. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
