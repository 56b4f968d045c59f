package io.qunyun.rules.domain.positioning;

/** Stages of the AIDASS buyer path, in path order (the order of the constants matters). */
public enum AidassStage {
    ATTENTION, INTEREST, DESIRE, ACTION, SATISFACTION, SHARE
}
