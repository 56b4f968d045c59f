package io.qunyun.campaign.domain.campaign;

/** A campaign request the domain refuses: a 4xx naming the field (if any); nothing was written. */
public class CampaignException extends io.qunyun.campaign.domain.RequestRefusedException {

    public CampaignException(String field, String message) {
        super(400, field, message);
    }

    public CampaignException(int status, String message) {
        super(status, null, message);
    }
}
