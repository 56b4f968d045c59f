package io.qunyun.rules.messaging;

/** A consumed record that cannot be decided; its message becomes the dead-letter-reason header. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
