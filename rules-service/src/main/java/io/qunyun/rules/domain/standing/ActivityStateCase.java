package io.qunyun.rules.domain.standing;

/** Table ActivityStates: days since the last activity decide active, dormant or churned. */
public class ActivityStateCase extends StandingOutputs {

    private final int daysSinceLastActivity;

    public ActivityStateCase(StandingFacts facts) {
        this.daysSinceLastActivity = facts.daysSinceLastActivity();
    }

    public int getDaysSinceLastActivity() {
        return daysSinceLastActivity;
    }

    public void setActivityState(String activityState) {
        write(activityState);
    }

    @Override
    String output() {
        return "activity state";
    }
}
