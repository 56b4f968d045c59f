package io.qunyun.member.domain;

/** What a member did. What each one earns is decided by the Rewards table in rules-service. */
public enum ActivityType {
    CHECK_IN,
    SHARE,
    CONTENT_POST,
    PURCHASE,
    AD_SPAM
}
