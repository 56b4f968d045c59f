package io.qunyun.rules.domain.reward;

/** The fact the Rewards table matches on (the activity and its context) and writes to. */
public class RewardCase {

    /** The outputs one row wrote. */
    public record Outputs(Integer basePoints, Integer multiplier, String reason, String badge, boolean penalty,
            boolean expel) {
    }

    private final String activityType;
    private final boolean inGroup;
    private final Integer streakDays;
    private final String campaignPhase;
    private final String memberTier;
    private final int priorOffences;

    private Integer basePoints;
    private Integer multiplier;
    private String reason;
    private String badge;
    private boolean penalty;
    private boolean expel;

    public RewardCase(RewardContext context) {
        this.activityType = context.activityType();
        this.inGroup = context.inGroup();
        this.streakDays = context.streakDays();
        this.campaignPhase = context.campaignPhase();
        this.memberTier = context.memberTier();
        this.priorOffences = context.priorOffences();
    }

    public String getActivityType() {
        return activityType;
    }

    public boolean isInGroup() {
        return inGroup;
    }

    public Integer getStreakDays() {
        return streakDays;
    }

    public String getCampaignPhase() {
        return campaignPhase;
    }

    public String getMemberTier() {
        return memberTier;
    }

    public int getPriorOffences() {
        return priorOffences;
    }

    public void setBasePoints(Integer basePoints) {
        this.basePoints = basePoints;
    }

    public void setMultiplier(Integer multiplier) {
        this.multiplier = multiplier;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public void setBadge(String badge) {
        this.badge = badge;
    }

    public void setPenalty(boolean penalty) {
        this.penalty = penalty;
    }

    public void setExpel(boolean expel) {
        this.expel = expel;
    }

    /** What the row that just fired wrote; clears the outputs for the next row. */
    Outputs takeOutputs() {
        Outputs outputs = new Outputs(basePoints, multiplier, reason, badge, penalty, expel);
        basePoints = null;
        multiplier = null;
        reason = null;
        badge = null;
        penalty = false;
        expel = false;
        return outputs;
    }
}
