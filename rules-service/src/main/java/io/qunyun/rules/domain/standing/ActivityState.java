package io.qunyun.rules.domain.standing;

/** Recency of a member's activity in a group; goes both ways. */
public enum ActivityState {
    ACTIVE, DORMANT, CHURNED
}
