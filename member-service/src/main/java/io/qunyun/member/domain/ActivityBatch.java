package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.qunyun.member.domain.Activities.RecordingFacts;
import io.qunyun.member.domain.ActivityService.NewActivity;

/**
 * One call of {@link ActivityService#recordAll}: answers each item in turn (a key used before answers its
 * activity, a new one is planned with its Rewards context) and stores the planned activities in batches.
 */
final class ActivityBatch {

    private final List<NewActivity> batch;
    private final String fields;
    private final Map<UUID, RecordingFacts> known;
    private final Map<String, Activity> byKey;
    private final RewardContexts.Reader contexts;
    private final Clock clock;
    private final List<Optional<RecordedActivity>> results;
    private final PlannedActivities planned;

    /**
     * @param fields the prefix of a field's name as the client sent it ("" for one activity, else indexed)
     * @param known the members that exist, with what recording needs of them
     * @param byKey the activities of keys used before, by member and key
     */
    ActivityBatch(List<NewActivity> batch, String fields, Map<UUID, RecordingFacts> known, Map<String, Activity> byKey,
            RewardContexts.Reader contexts, Clock clock, Activities activities, StandingService standing) {
        this.batch = batch;
        this.fields = fields;
        this.known = known;
        this.byKey = byKey;
        this.contexts = contexts;
        this.clock = clock;
        this.results = new ArrayList<>(Collections.nCopies(batch.size(), Optional.<RecordedActivity>empty()));
        this.planned = new PlannedActivities(activities, standing, batch, fields, results, byKey);
    }

    /** Records every item; the activities inserted (with their traces) are then in {@link #inserted}. */
    List<Optional<RecordedActivity>> record() {
        for (int index : inMemberOrder()) {
            RecordingFacts member = known.get(batch.get(index).memberId());
            if (member != null) {
                record(index, member);
            }
        }
        planned.store();
        return results;
    }

    List<ActivityPublisher.Traced> inserted() {
        return planned.stored();
    }

    /**
     * In member id order (a member's own activities keep the caller's order): two concurrent calls then
     * lock the rows they share (memberships, keys) in the same order instead of deadlocking.
     */
    private List<Integer> inMemberOrder() {
        List<Integer> order = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> batch.get(i).memberId()));
        return order;
    }

    private void record(int index, RecordingFacts member) {
        NewActivity item = batch.get(index);
        String key = IdempotentActivities.keyOf(item.memberId(), item.idempotencyKey());
        Activity before = byKey.get(key);
        if (before != null) {
            // a retry, or the key repeated earlier in this call (then it is the activity planned for it)
            IdempotentActivities.requireSameRequest(before, item, fields.formatted(index));
            results.set(index, Optional.of(new RecordedActivity(before, false)));
            planned.answeredBy(before, index);
            return;
        }
        Activity activity = newActivity(item);
        if (activity.type == ActivityType.CHECK_IN && planned.hasCheckInOf(activity.memberId)) {
            // the streak is read from the stored check-ins: this call's earlier ones must be stored first
            planned.store();
        }
        RewardContext context = contexts.of(member, activity);
        activity.streakDays = context.streakDays();
        activity.campaignPhase = context.campaignPhase();
        activity.memberTier = context.memberTier();
        activity.priorOffences = context.priorOffences();
        byKey.put(key, activity);
        results.set(index, Optional.of(new RecordedActivity(activity, true)));
        planned.add(activity, index, item.traceParent());
    }

    private Activity newActivity(NewActivity item) {
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.memberId = item.memberId();
        activity.type = item.type();
        activity.groupId = item.groupId();
        activity.occurredAt = item.occurredAt().truncatedTo(ChronoUnit.MICROS);
        activity.idempotencyKey = item.idempotencyKey();
        activity.recordedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        ActivityAttributes attributes = item.attributes() == null ? ActivityAttributes.NONE : item.attributes();
        activity.product = attributes.product();
        activity.amount = attributes.amount();
        activity.currency = attributes.currency();
        activity.contentKind = attributes.contentKind();
        return activity;
    }
}
