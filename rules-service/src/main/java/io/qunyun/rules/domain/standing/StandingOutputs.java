package io.qunyun.rules.domain.standing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outputs of the three MemberStanding facts: each fired row writes one output; {@code closeRow} keeps it
 * under the row's name, so the hit policy can pick the deciding row afterwards.
 */
public abstract class StandingOutputs {

    private String pending;
    private final Map<String, String> outcomes = new LinkedHashMap<>();

    void write(String value) {
        this.pending = value;
    }

    void closeRow(String rule) {
        if (pending == null || pending.isBlank()) {
            throw new IllegalStateException("row '" + rule + "' sets no " + output());
        }
        outcomes.put(rule, pending.trim());
        pending = null;
    }

    String outcome(String rule) {
        String value = outcomes.get(rule);
        if (value == null) {
            throw new IllegalStateException("row '" + rule + "' did not fire");
        }
        return value;
    }

    abstract String output();
}
