package io.qunyun.rules.domain.health;

import java.util.ArrayList;
import java.util.List;

/**
 * The fact the GroupHealth table matches on. Several rows may match one group; each fired row
 * writes verdict, revive kind and message, and {@link #closeRow(String)} records them before the
 * next row (lower priority) overwrites them.
 */
public class HealthCase {

    private final GroupMetrics metrics;

    private String verdict;
    private String reviveKind;
    private String message;
    private final List<HealthOutcome> outcomes = new ArrayList<>();

    public HealthCase(GroupMetrics metrics) {
        this.metrics = metrics;
    }

    public String getGroupType() {
        return metrics.groupType() == null ? null : metrics.groupType().name();
    }

    public boolean isPastLifespan() {
        return metrics.pastLifespan();
    }

    public int getAgeHours() {
        return metrics.ageHours();
    }

    public double getMessagesPerDay() {
        return metrics.messagesPerDay();
    }

    public double getActiveMemberRatio() {
        return metrics.activeMemberRatio();
    }

    public double getCheckInRate() {
        return metrics.checkInRate();
    }

    public int getConversions() {
        return metrics.conversions();
    }

    public String getPrimaryMetric() {
        return metrics.primaryMetric() == null ? null : metrics.primaryMetric().name();
    }

    public Integer getCampaignAgeHours() {
        return metrics.campaignAgeHours();
    }

    public void setVerdict(String verdict) {
        this.verdict = verdict;
    }

    public void setReviveKind(String reviveKind) {
        this.reviveKind = reviveKind;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    /** Called right after a row fired: that row must have set a valid verdict and message. */
    void closeRow(String rule) {
        if (verdict == null || message == null || message.isBlank()) {
            throw new IllegalStateException("row '" + rule + "' must set verdict and message");
        }
        Verdict parsedVerdict = parse(Verdict.class, verdict, "verdict", rule);
        ReviveKind kind = reviveKind == null || reviveKind.isBlank() ? null
                : parse(ReviveKind.class, reviveKind, "revive kind", rule);
        if ((parsedVerdict == Verdict.REVIVE) != (kind != null)) {
            throw new IllegalStateException("row '" + rule + "': a revive kind goes with REVIVE and only with REVIVE");
        }
        outcomes.add(new HealthOutcome(rule, parsedVerdict, kind, message.trim()));
        verdict = null;
        reviveKind = null;
        message = null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String column, String rule) {
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("row '" + rule + "' has unknown " + column + " '" + value + "'");
        }
    }

    /** In firing order: highest priority first. */
    List<HealthOutcome> outcomes() {
        return outcomes;
    }

    /** The outputs the named row wrote when it fired. */
    HealthOutcome outcome(String rule) {
        return outcomes.stream().filter(o -> o.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalStateException("row '" + rule + "' did not fire"));
    }
}
