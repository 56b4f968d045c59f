package io.qunyun.rules.domain.admission;

import java.util.LinkedHashMap;
import java.util.Map;

import io.qunyun.rules.domain.positioning.GroupType;

/**
 * The fact the Admission table matches on: a former member asks to join the group again. Rows may
 * overlap; each fired row writes its outputs and {@link #closeRow(String)} keeps them under the row's name.
 */
public class RejoinCase {

    /** What one fired row said. */
    public record Outcome(boolean allowed, boolean screeningRequired, String reason) {
    }

    private final String previousExitKind;
    private final boolean hadReason;
    private final int daysSinceExit;
    private final String groupType;

    private Boolean allowed;
    private Boolean screeningRequired;
    private String reason;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    public RejoinCase(ExitKind previousExitKind, boolean hadReason, int daysSinceExit, GroupType groupType) {
        this.previousExitKind = previousExitKind.name();
        this.hadReason = hadReason;
        this.daysSinceExit = daysSinceExit;
        this.groupType = groupType == null ? null : groupType.name();
    }

    public String getPreviousExitKind() {
        return previousExitKind;
    }

    public boolean isHadReason() {
        return hadReason;
    }

    public int getDaysSinceExit() {
        return daysSinceExit;
    }

    public String getGroupType() {
        return groupType;
    }

    public void setAllowed(Boolean allowed) {
        this.allowed = allowed;
    }

    public void setScreeningRequired(Boolean screeningRequired) {
        this.screeningRequired = screeningRequired;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** Called right after a row fired: that row must have set all three outputs. */
    void closeRow(String rule) {
        if (allowed == null || screeningRequired == null || reason == null || reason.isBlank()) {
            throw new IllegalStateException("row '" + rule + "' must set allowed, screening and reason");
        }
        outcomes.put(rule, new Outcome(allowed, screeningRequired, reason.trim()));
        allowed = null;
        screeningRequired = null;
        reason = null;
    }

    Outcome outcome(String rule) {
        Outcome outcome = outcomes.get(rule);
        if (outcome == null) {
            throw new IllegalStateException("row '" + rule + "' did not fire");
        }
        return outcome;
    }
}
