package io.qunyun.rules.domain.tier;

/** Fact of the Tiers table: matched on the growth value, written with the tier and its benefits. */
public class TierCase {

    private final long growthValue;
    private String tier;
    private String benefits;

    public TierCase(long growthValue) {
        this.growthValue = growthValue;
    }

    public long getGrowthValue() {
        return growthValue;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier;
    }

    public String getBenefits() {
        return benefits;
    }

    public void setBenefits(String benefits) {
        this.benefits = benefits;
    }
}
