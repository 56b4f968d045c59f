package io.qunyun.platform.rest;

/**
 * A path, query or body parameter the resource refuses itself (e.g. "abc" where a number belongs, a cursor not
 * returned by the endpoint, text that cannot be stored): 400 invalid-request naming it, not a 404 or a 500.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
