package io.qunyun.member.domain;

/** Circle layer (domain brief §3); decided by the MemberStanding table, goes both ways. */
public enum CircleLayer {
    CORE, INFLUENCE, PERIPHERY
}
