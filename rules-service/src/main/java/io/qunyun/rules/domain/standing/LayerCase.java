package io.qunyun.rules.domain.standing;

/** Table Layers: contributions and their recency decide the circle layer. */
public class LayerCase extends StandingOutputs {

    private final int contributions;
    private final int daysSinceLastContribution;

    public LayerCase(StandingFacts facts) {
        this.contributions = facts.contributions();
        this.daysSinceLastContribution = facts.daysSinceLastContribution();
    }

    public int getContributions() {
        return contributions;
    }

    public int getDaysSinceLastContribution() {
        return daysSinceLastContribution;
    }

    public void setLayer(String layer) {
        write(layer);
    }

    @Override
    String output() {
        return "layer";
    }
}
