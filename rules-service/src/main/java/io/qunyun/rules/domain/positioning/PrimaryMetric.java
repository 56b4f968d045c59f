package io.qunyun.rules.domain.positioning;

/** Conversation activity or transaction activity: which one the group is judged by. */
public enum PrimaryMetric {
    CONVERSATION, TRANSACTION
}
