package io.qunyun.rules.messaging;

/** A member-activities record that cannot be decided; its message becomes the dead-letter-reason header. */
public class MalformedActivityException extends MalformedEventException {

    public MalformedActivityException(String message) {
        super(message);
    }

    public MalformedActivityException(String message, Throwable cause) {
        super(message, cause);
    }
}
