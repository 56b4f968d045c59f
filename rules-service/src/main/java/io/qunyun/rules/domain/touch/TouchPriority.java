package io.qunyun.rules.domain.touch;

/** Urgency of the operator task a touch becomes. */
public enum TouchPriority {
    HIGH, MEDIUM, LOW
}
