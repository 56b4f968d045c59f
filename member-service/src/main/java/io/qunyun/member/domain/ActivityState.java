package io.qunyun.member.domain;

/** Recency of a member's activity in a group; decided by the MemberStanding table, goes both ways. */
public enum ActivityState {
    ACTIVE, DORMANT, CHURNED
}
