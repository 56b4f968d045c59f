package io.qunyun.rules.rest;

/** A path or query parameter refused before the resource runs (e.g. text that cannot be stored): 400 naming it. */
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
