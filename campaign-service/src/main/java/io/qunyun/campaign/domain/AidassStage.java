package io.qunyun.campaign.domain;

/** The buyer path a group covers a span of, in order (domain brief §2). */
public enum AidassStage {
    ATTENTION, INTEREST, DESIRE, ACTION, SATISFACTION, SHARE
}
