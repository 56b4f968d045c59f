package io.qunyun.rules.domain.selfcheck;

/** BLOCK stops the group from being created; WARN and INFO are advice. Declared most severe first. */
public enum Severity {
    BLOCK, WARN, INFO
}
