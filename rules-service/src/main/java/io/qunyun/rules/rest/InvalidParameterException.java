package io.qunyun.rules.rest;

/** A query parameter the resource validates itself (so "abc" is a 400 naming it, not a 404). */
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
