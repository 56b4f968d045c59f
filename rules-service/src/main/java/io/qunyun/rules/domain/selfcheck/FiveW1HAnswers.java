package io.qunyun.rules.domain.selfcheck;

import io.qunyun.rules.domain.positioning.GroupType;
import io.qunyun.rules.domain.positioning.PrimaryMetric;

/**
 * The group's answers to the 5W1H self-check; any of them may be missing. {@code primaryMetric} is the
 * positioning decision's metric; {@code highInvolvement} says whether there is a high ticket price,
 * decision cost, learning cost or an organisational relationship (source 003).
 */
public record FiveW1HAnswers(
        GroupType groupType,
        boolean screened,
        String why,
        String what,
        String where,
        String who,
        Integer lifecycleHours,
        Monetization how,
        PrimaryMetric primaryMetric,
        Boolean highInvolvement) {

    /** Answers without the primary-metric questions. */
    public FiveW1HAnswers(GroupType groupType, boolean screened, String why, String what, String where, String who,
            Integer lifecycleHours, Monetization how) {
        this(groupType, screened, why, what, where, who, lifecycleHours, how, null, null);
    }
}
