package io.qunyun.member.domain;

/**
 * An idempotency key sent again with a request other than the first (another activity, another reward): 409,
 * and nothing is written. Answering the first result would tell the caller its second request succeeded.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final String field;

    public IdempotencyKeyReusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The key's request field as the client named it ({@code idempotencyKey}, {@code activities[3].idempotencyKey}). */
    public String field() {
        return field;
    }
}
