package io.qunyun.member.domain;

/** Why a membership ended (contract: membership.ended.v1 exitKind). */
public enum ExitKind {
    /** Left by application without giving a reason. */
    VOLUNTARY,
    VOLUNTARY_WITH_REASON,
    /** By a reviewer, or acting on a Rewards decision's expel. */
    EXPELLED,
    GROUP_DISSOLVED,
    TRANSFERRED
}
