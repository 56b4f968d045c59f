package io.qunyun.campaign.domain.campaign;

/** A campaign request the domain refuses: a 4xx naming the field (if any); nothing was written. */
public class CampaignException extends RuntimeException {

    private final int status;
    private final String field;

    public CampaignException(String field, String message) {
        super(message);
        this.status = 400;
        this.field = field;
    }

    public CampaignException(int status, String message) {
        super(message);
        this.status = status;
        this.field = null;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
