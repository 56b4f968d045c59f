package io.qunyun.platform.events;

/**
 * A consumed record that can never be processed; its message is the dead-letter reason and names the envelope
 * field or the data field ({@code data.points}) that is wrong.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
