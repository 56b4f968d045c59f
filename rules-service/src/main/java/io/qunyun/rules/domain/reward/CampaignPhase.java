package io.qunyun.rules.domain.reward;

/** Phases of a conversion campaign (domain brief §5), a context the Rewards table may reward differently. */
public enum CampaignPhase {
    WARM_UP, BUILD_UP, CLIMAX, WRAP_UP
}
