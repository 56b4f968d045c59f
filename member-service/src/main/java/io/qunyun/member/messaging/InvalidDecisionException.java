package io.qunyun.member.messaging;

/** A reward-decisions record this service can never process; its message is the dead-letter reason. */
public class InvalidDecisionException extends Exception {

    public InvalidDecisionException(String reason) {
        super(reason);
    }

    public InvalidDecisionException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
