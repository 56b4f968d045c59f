package io.qunyun.member.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.member.messaging.ActivityRecordedEvents;
import io.qunyun.member.messaging.Outbox;
import io.qunyun.member.persistence.Activity;
import io.qunyun.member.persistence.ActivityRepository;
import io.qunyun.member.persistence.MemberRepository;

@ApplicationScoped
public class ActivityService {

    private final MemberRepository members;
    private final ActivityRepository activities;
    private final ActivityRecordedEvents events;
    private final Outbox outbox;
    private final StandingService standing;

    ActivityService(MemberRepository members, ActivityRepository activities, ActivityRecordedEvents events,
            Outbox outbox, StandingService standing) {
        this.members = members;
        this.activities = activities;
        this.events = events;
        this.outbox = outbox;
        this.standing = standing;
    }

    /**
     * Stores the activity and its event in one transaction, so an accepted activity is always
     * published (by the outbox relay) and a rejected one never is. A repeated idempotency key
     * returns the original activity and publishes nothing.
     */
    @Transactional
    public RecordedActivity record(UUID memberId, ActivityType type, UUID groupId, Instant occurredAt,
            String idempotencyKey) {
        if (!members.exists(memberId)) {
            throw new MemberNotFoundException(memberId);
        }
        var previous = activities.findByIdempotencyKey(memberId, idempotencyKey);
        if (previous.isPresent()) {
            return new RecordedActivity(previous.get(), false);
        }
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.memberId = memberId;
        activity.type = type;
        activity.groupId = groupId;
        activity.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        activity.idempotencyKey = idempotencyKey;
        activity.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!activities.insertIfAbsent(activity)) {
            // A concurrent request with the same key won the race; it owns the event.
            Activity winner = activities.findByIdempotencyKey(memberId, idempotencyKey)
                    .orElseThrow(() -> new IllegalStateException("conflicting activity vanished"));
            return new RecordedActivity(winner, false);
        }
        outbox.enqueue(events.recorded(activity));
        // the group membership's standing facts move with the activity (same transaction)
        standing.onActivity(activity);
        return new RecordedActivity(activity, true);
    }
}
