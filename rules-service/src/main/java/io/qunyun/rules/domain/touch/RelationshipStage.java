package io.qunyun.rules.domain.touch;

/** How well a person knows us (domain brief §3), in order. */
public enum RelationshipStage {
    UNAWARE, CURIOUS, ACQUAINTED, UNDERSTANDS, FAMILIAR, PURCHASED, REPURCHASED_OR_SHARES
}
