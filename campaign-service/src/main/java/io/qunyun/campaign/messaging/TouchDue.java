package io.qunyun.campaign.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.qunyun.campaign.domain.template.Template.Audience;

/**
 * Payload of io.qunyun.campaign.touch.due.v1 (touch-due, key = group id): one group-level touch for
 * a delivery adapter (e.g. a WeCom bot). {@code dueAt} is when the timeline wanted it (after a
 * quiet-hour hold), {@code occurredAt} when the scheduler released it (later after downtime).
 * {@code window} is set for OFFER_WINDOW, {@code metric} for METRIC_CHECKPOINT; {@code audience}
 * is the step's selector (whom the post addresses, e.g. notCheckedInToday).
 */
public record TouchDue(UUID touchId, UUID campaignId, UUID groupId, String templateId, String templateVersion,
        String stepId, int occurrence, String action, String phase, int day, String contentRef, String ownerRole,
        Duration window, String metric, Audience audience, Instant dueAt, String localDueAt, String timeZone,
        Instant occurredAt) {

    public static final String EVENT_TYPE = "io.qunyun.campaign.touch.due.v1";
}
