package io.qunyun.member.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.platform.messaging.OutboxMessage;
import io.qunyun.member.domain.Activity;
import io.qunyun.platform.events.ActivityRecorded;
import io.qunyun.platform.events.CloudEvent;

/** Turns a stored activity into its member-activities record. */
@ApplicationScoped
public class ActivityRecordedEvents {

    public static final String TOPIC = ActivityRecorded.TOPIC;

    private final ObjectMapper json;

    ActivityRecordedEvents(ObjectMapper json) {
        this.json = json;
    }

    private static ActivityRecorded.Attributes attributes(Activity activity) {
        if (activity.product == null && activity.amount == null && activity.currency == null
                && activity.contentKind == null) {
            return null;
        }
        return new ActivityRecorded.Attributes(activity.product,
                activity.amount == null ? null : activity.amount.stripTrailingZeros().toPlainString(),
                activity.currency, activity.contentKind);
    }

    public OutboxMessage recorded(Activity activity) {
        var data = new ActivityRecorded(activity.id, activity.memberId, activity.type.name(), activity.groupId,
                activity.occurredAt, activity.idempotencyKey, activity.streakDays, activity.campaignPhase,
                activity.memberTier, activity.priorOffences, attributes(activity));
        String memberId = activity.memberId.toString();
        // The event id is the activity id: one activity, one event, however often it is re-sent.
        var envelope = CloudEvent.of(EventSource.SOURCE, activity.id.toString(), ActivityRecorded.EVENT_TYPE, activity.recordedAt,
                memberId, data);
        try {
            return new OutboxMessage(activity.id, TOPIC, memberId, json.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + ActivityRecorded.EVENT_TYPE, e);
        }
    }
}
