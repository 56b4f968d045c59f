package io.qunyun.rules.domain.admission;

/** How a former member's last membership of the group ended (member-service's exit kinds). */
public enum ExitKind {
    /** Left without giving a reason (不告而别). */
    VOLUNTARY,
    VOLUNTARY_WITH_REASON,
    /** By a reviewer, or on the Rewards table's expel. */
    EXPELLED,
    GROUP_DISSOLVED,
    TRANSFERRED
}
