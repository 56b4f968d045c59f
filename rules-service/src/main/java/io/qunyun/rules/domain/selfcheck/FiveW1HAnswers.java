package io.qunyun.rules.domain.selfcheck;

import io.qunyun.rules.domain.positioning.GroupType;

/** The group's answers to the 5W1H self-check; any of them may be missing. */
public record FiveW1HAnswers(
        GroupType groupType,
        boolean screened,
        String why,
        String what,
        String where,
        String who,
        Integer lifecycleHours,
        Monetization how) {
}
