package io.qunyun.rules.domain.standing;

/** Table Stages: interactions, purchases and shares decide the relationship stage. */
public class StageCase extends StandingOutputs {

    private final int interactions;
    private final int purchases;
    private final int shares;

    public StageCase(StandingFacts facts) {
        this.interactions = facts.interactions();
        this.purchases = facts.purchases();
        this.shares = facts.shares();
    }

    public int getInteractions() {
        return interactions;
    }

    public int getPurchases() {
        return purchases;
    }

    public int getShares() {
        return shares;
    }

    public void setStage(String stage) {
        write(stage);
    }

    @Override
    String output() {
        return "stage";
    }
}
