package io.qunyun.campaign.domain;

/** The HOW of 5W1H: how the group makes money (domain brief §2, source 003). */
public enum Monetization {
    PAID_ENTRY, IN_GROUP_CONVERSION, PARTNERSHIP, HARD_SELLING, NONE
}
