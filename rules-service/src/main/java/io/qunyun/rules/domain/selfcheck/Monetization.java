package io.qunyun.rules.domain.selfcheck;

/** HOW a group makes money (5W1H). NONE is an answer ("it doesn't"), unlike a missing value. */
public enum Monetization {
    PAID_ENTRY, IN_GROUP_CONVERSION, PARTNERSHIP, HARD_SELLING, NONE
}
