package io.qunyun.campaign.messaging;

/** Kafka topics of campaign-service (docs/events.md); channel names equal topic names. */
public final class Topics {

    public static final String GROUP_CHANGES = "group-changes";
    public static final String CAMPAIGN_PHASE_CHANGED = "campaign-phase-changed";
    public static final String TOUCH_DUE = "touch-due";
    public static final String MEMBERSHIP_EVENTS = "membership-events";
    public static final String MEMBERSHIP_EVENTS_DLQ = "membership-events-dlq";
    public static final String MEMBER_ACTIVITIES = "member-activities";
    public static final String GROUP_METRICS = "group-metrics";
    public static final String GROUP_HEALTH_DECISIONS = "group-health-decisions";
    public static final String GROUP_LIFECYCLE = "group-lifecycle";

    private Topics() {
    }
}
