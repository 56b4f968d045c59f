package io.qunyun.campaign.domain;

import java.util.List;

import io.qunyun.campaign.domain.CampaignRules.Finding;

/** The 5W1H self-check blocked a new group: nothing was stored; the findings say why. */
public class PositioningBlockedException extends RuntimeException {

    private final List<Finding> findings;
    private final List<String> firedRules;
    private final String tableVersion;

    public PositioningBlockedException(List<Finding> findings, List<String> firedRules, String tableVersion) {
        super("The 5W1H self-check blocked this group; nothing was stored.");
        this.findings = findings;
        this.firedRules = firedRules;
        this.tableVersion = tableVersion;
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<String> firedRules() {
        return firedRules;
    }

    public String tableVersion() {
        return tableVersion;
    }
}
