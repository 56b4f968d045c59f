package io.qunyun.rules.domain.reward;

/** The fact the Rewards table matches on (activity type, inside a group or not) and writes to. */
public class RewardCase {

    private final String activityType;
    private final boolean inGroup;

    private Integer basePoints;
    private Integer multiplier;
    private String reason;

    public RewardCase(String activityType, boolean inGroup) {
        this.activityType = activityType;
        this.inGroup = inGroup;
    }

    public String getActivityType() {
        return activityType;
    }

    public boolean isInGroup() {
        return inGroup;
    }

    public Integer getBasePoints() {
        return basePoints;
    }

    public void setBasePoints(Integer basePoints) {
        this.basePoints = basePoints;
    }

    public Integer getMultiplier() {
        return multiplier;
    }

    public void setMultiplier(Integer multiplier) {
        this.multiplier = multiplier;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
