package io.qunyun.member.messaging;

/** A consumed record this service can never process; its message is the dead-letter reason. */
public class InvalidEventException extends Exception {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
