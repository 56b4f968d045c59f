package io.qunyun.campaign.domain;

/**
 * A request the domain refuses: a 4xx naming the field (if any); nothing was written. The REST
 * layer turns it into a problem document; the domain knows no HTTP beyond the status number.
 */
public class RequestRefusedException extends RuntimeException {

    private final int status;
    private final String field;

    public RequestRefusedException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** 400 naming the request field at fault. */
    public static RequestRefusedException badField(String field, String message) {
        return new RequestRefusedException(400, field, message);
    }

    public static RequestRefusedException notFound(String what) {
        return new RequestRefusedException(404, null, what + " not found");
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
