package io.qunyun.rules.domain.positioning;

/** How much operator effort the group gets. */
public enum Intensity {
    LIGHT, MEDIUM, HEAVY
}
