package io.qunyun.member.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.qunyun.member.domain.ActivityService.NewActivity;

/**
 * Activities of one call planned but not yet inserted, stored together in one batch; their events and standing
 * facts follow in the same order. The results of every call item answered by a planned activity are remembered,
 * so that an activity whose key a concurrent request took meanwhile is answered by that request's winner.
 */
final class PlannedActivities {

    private final Activities activities;
    private final StandingService standing;
    private final List<NewActivity> batch;
    private final String fields;
    private final List<Optional<RecordedActivity>> results;
    private final Map<String, Activity> byKey;
    private final List<Activity> planned = new ArrayList<>();
    private final Map<Activity, List<Integer>> answered = new IdentityHashMap<>();
    private final Map<Activity, String> traceOf = new IdentityHashMap<>();
    private final Set<UUID> checkIns = new HashSet<>();
    private final List<ActivityPublisher.Traced> stored = new ArrayList<>();

    /**
     * @param results the call's answers, corrected here when a key was taken meanwhile
     * @param byKey the call's activities by member and key, corrected here as well
     */
    PlannedActivities(Activities activities, StandingService standing, List<NewActivity> batch, String fields,
            List<Optional<RecordedActivity>> results, Map<String, Activity> byKey) {
        this.activities = activities;
        this.standing = standing;
        this.batch = batch;
        this.fields = fields;
        this.results = results;
        this.byKey = byKey;
    }

    void add(Activity activity, int index, String traceParent) {
        planned.add(activity);
        if (traceParent != null) {
            traceOf.put(activity, traceParent);
        }
        answered.put(activity, new ArrayList<>(List.of(index)));
        if (activity.type == ActivityType.CHECK_IN) {
            checkIns.add(activity.memberId);
        }
    }

    boolean hasCheckInOf(UUID memberId) {
        return checkIns.contains(memberId);
    }

    void answeredBy(Activity activity, int index) {
        List<Integer> items = answered.get(activity);
        if (items != null) {
            items.add(index);
        }
    }

    /** Inserts what is planned, answers the items whose key a concurrent request took, updates the standing. */
    void store() {
        if (planned.isEmpty()) {
            return;
        }
        boolean[] inserted = activities.insertAllIfAbsent(planned);
        List<Activity> insertedNow = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            Activity activity = planned.get(i);
            if (inserted[i]) {
                insertedNow.add(activity);
                stored.add(new ActivityPublisher.Traced(activity, traceOf.get(activity)));
                continue;
            }
            // A concurrent request with the same key won the race; it owns the event.
            Activity winner = activities.findByIdempotencyKey(activity.memberId, activity.idempotencyKey)
                    .orElseThrow(() -> new IllegalStateException("conflicting activity vanished"));
            byKey.put(IdempotentActivities.keyOf(activity.memberId, activity.idempotencyKey), winner);
            for (int index : answered.get(activity)) {
                IdempotentActivities.requireSameRequest(winner, batch.get(index), fields.formatted(index));
                results.set(index, Optional.of(new RecordedActivity(winner, false)));
            }
        }
        // the group memberships' standing facts move with the activities (same transaction)
        standing.onActivities(insertedNow);
        planned.clear();
        answered.clear();
        traceOf.clear();
        checkIns.clear();
    }

    /** The activities this call inserted, in insertion order, with their traces: one event each. */
    List<ActivityPublisher.Traced> stored() {
        return stored;
    }
}
