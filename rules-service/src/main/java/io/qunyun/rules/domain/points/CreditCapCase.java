package io.qunyun.rules.domain.points;

/** Fact of the CreditCaps table: matched on the activity type, written with the daily cap and growth input. */
public class CreditCapCase {

    /** The outputs one row wrote. */
    public record Outputs(Integer maxPerDay, String growthInput) {
    }

    private final String activityType;
    private Integer maxPerDay;
    private String growthInput;

    public CreditCapCase(String activityType) {
        this.activityType = activityType;
    }

    public String getActivityType() {
        return activityType;
    }

    public void setMaxPerDay(Integer maxPerDay) {
        this.maxPerDay = maxPerDay;
    }

    public void setGrowthInput(String growthInput) {
        this.growthInput = growthInput;
    }

    /** What the row that just fired wrote; clears the outputs for the next row. */
    Outputs takeOutputs() {
        Outputs outputs = new Outputs(maxPerDay, growthInput);
        maxPerDay = null;
        growthInput = null;
        return outputs;
    }
}
