package io.qunyun.rules.domain.reward;

/** Member activities the REST API accepts. Events may carry other types: those earn nothing. */
public enum ActivityType {
    CHECK_IN, SHARE, CONTENT_POST, PURCHASE, AD_SPAM
}
