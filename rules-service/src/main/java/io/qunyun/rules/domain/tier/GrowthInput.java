package io.qunyun.rules.domain.tier;

/** The kinds of input that make up the growth value; the TierWeights table gives each its weight. */
public enum GrowthInput {
    /** Number of purchases (orders) in the window. */
    PURCHASES,
    /** Points earned by content contribution in the window. */
    CONTENT,
    /** Points earned by behaviour (check-ins, interaction) in the window. */
    BEHAVIOUR
}
