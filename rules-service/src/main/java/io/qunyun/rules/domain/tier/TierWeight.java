package io.qunyun.rules.domain.tier;

/** Fact of the TierWeights table: one per input kind; the matching row writes its weight. */
public class TierWeight {

    private final String kind;
    private Integer weight;

    public TierWeight(GrowthInput kind) {
        this.kind = kind.name();
    }

    public String getKind() {
        return kind;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }
}
