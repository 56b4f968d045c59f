package io.qunyun.member.domain;

/**
 * How well a member knows us (domain brief §3), in order: a membership's stage only ever moves to a
 * later constant, whatever the MemberStanding table answers.
 */
public enum RelationshipStage {
    UNAWARE, CURIOUS, ACQUAINTED, UNDERSTANDS, FAMILIAR, PURCHASED, REPURCHASED_OR_SHARES;

    /** The later of the two stages: the stage never goes back. */
    public RelationshipStage atLeast(RelationshipStage other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }
}
