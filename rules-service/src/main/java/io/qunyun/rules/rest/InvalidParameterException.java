package io.qunyun.rules.rest;

/** A path or query parameter the resource refuses itself (e.g. "abc" where a number belongs, or text that
 * cannot be stored): 400 naming it, not a 404 or a 500. */
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
