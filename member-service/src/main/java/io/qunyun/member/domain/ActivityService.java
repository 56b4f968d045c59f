package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.member.domain.Activities.RecordingFacts;

/**
 * Records activities (one, or many in one transaction) with their Rewards context and events, and reads them
 * back. The steps of one call are {@link ActivityBatch}'s.
 */
@ApplicationScoped
public class ActivityService {

    private final Members members;
    private final Activities activities;
    private final Memberships memberships;
    private final RewardContexts contexts;
    private final ActivityBounds bounds;
    private final ActivityPublisher events;
    private final StandingService standing;
    private final Clock clock;

    ActivityService(Members members, Activities activities, Memberships memberships, RewardContexts contexts,
            ActivityBounds bounds, ActivityPublisher events, StandingService standing, Clock clock) {
        this.members = members;
        this.activities = activities;
        this.memberships = memberships;
        this.contexts = contexts;
        this.bounds = bounds;
        this.events = events;
        this.standing = standing;
        this.clock = clock;
    }

    /**
     * One activity to record: what the caller sent, for one member; {@code traceParent} is the trace of the
     * request that sent it, for its event (null: the recording thread's own).
     */
    public record NewActivity(UUID memberId, ActivityType type, UUID groupId, Instant occurredAt, String idempotencyKey,
            ActivityAttributes attributes, String traceParent) {

        public NewActivity(UUID memberId, ActivityType type, UUID groupId, Instant occurredAt, String idempotencyKey,
                ActivityAttributes attributes) {
            this(memberId, type, groupId, occurredAt, idempotencyKey, attributes, null);
        }

        public NewActivity withTraceParent(String parent) {
            return new NewActivity(memberId, type, groupId, occurredAt, idempotencyKey, attributes, parent);
        }
    }

    /**
     * Stores the activity, with the Rewards context as it is now, and its event in one transaction, so an
     * accepted activity is always published (by the outbox relay) and a rejected one never is. A
     * repeated idempotency key returns the original activity and publishes nothing. Empty when the member
     * does not exist. Single requests arrive here through {@link ActivityIntake}, which writes them together.
     */
    @Transactional
    public Optional<RecordedActivity> recordOne(NewActivity activity) {
        return recordAll(List.of(activity), "").get(0);
    }

    /**
     * {@link #recordOne} for many activities in one transaction, in order, with the same rules per activity
     * (a key used before, also earlier in the same list, answers the original activity). The members,
     * the keys used before, prior offences and campaign phases are read once for the whole list, and the
     * events go to the outbox in one batch.
     *
     * @return per activity, in order: what was recorded, or empty when its member does not exist
     * @throws InvalidRequestException when an activity is dated outside the bounds (qunyun.activities.*),
     *         naming {@code activities[i].occurredAt}; nothing is written
     * @throws IdempotencyKeyReusedException when a key used before comes with another activity; nothing is
     *         written
     */
    @Transactional
    public List<Optional<RecordedActivity>> recordAll(List<NewActivity> batch) {
        return recordAll(batch, "activities[%d].");
    }

    /** @param fields the prefix of a field's name as the client sent it ("" for one activity, else indexed) */
    private List<Optional<RecordedActivity>> recordAll(List<NewActivity> sent, String fields) {
        bounds.check(sent, fields);
        List<NewActivity> batch = toSurvivors(sent);
        // One statement for the members, their tier and prior offences, and the keys they used before:
        // nothing is loaded into the persistence context, so the commit has nothing to flush.
        // (member, key) pairs in parallel arrays: the i-th key is the i-th member's
        Map<UUID, RecordingFacts> known = activities.recordingFacts(
                batch.stream().map(NewActivity::memberId).toList(),
                batch.stream().map(NewActivity::idempotencyKey).toList());
        requireGroupMembers(batch, known, fields);
        ActivityBatch call = new ActivityBatch(batch, fields, known, previousActivities(known), contexts.forOneCall(),
                clock, activities, standing);
        List<Optional<RecordedActivity>> results = call.record();
        events.recorded(call.inserted());
        return results;
    }

    /**
     * An activity's group must be one its member was in when it happened (issue 23): an invented group earned the
     * in-group rate. Refused (422 naming groupId) rather than credited as outside any group: no decision table says
     * which yet (docs/errors.md). Members that do not exist are answered 404 by the caller.
     */
    private void requireGroupMembers(List<NewActivity> batch, Map<UUID, RecordingFacts> known, String fields) {
        List<Integer> positions = new java.util.ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).groupId() != null && known.containsKey(batch.get(i).memberId())) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return;
        }
        java.util.Set<Integer> held = memberships.heldAt(positions.stream().map(i -> batch.get(i).memberId()).toList(),
                positions.stream().map(i -> batch.get(i).groupId()).toList(),
                positions.stream().map(i -> batch.get(i).occurredAt()).toList());
        for (int p = 0; p < positions.size(); p++) {
            if (!held.contains(p)) {
                NewActivity a = batch.get(positions.get(p));
                throw new NotAGroupMemberException(fields.formatted(positions.get(p)) + "groupId",
                        "成员在 " + a.occurredAt() + " 不在群 " + a.groupId() + " 中 / member " + a.memberId()
                                + " held no membership of group " + a.groupId() + " at " + a.occurredAt()
                                + " (an unknown group, one never joined, or a membership that had ended)");
            }
        }
    }

    /** An activity sent for a merged record is the survivor's (issue 23): its points, caps and keys are the survivor's. */
    private List<NewActivity> toSurvivors(List<NewActivity> batch) {
        Map<UUID, UUID> survivors = members.survivorsOf(batch.stream().map(NewActivity::memberId).toList());
        if (survivors.isEmpty()) {
            return batch;
        }
        return batch.stream().map(a -> !survivors.containsKey(a.memberId()) ? a
                : new NewActivity(survivors.get(a.memberId()), a.type(), a.groupId(), a.occurredAt(), a.idempotencyKey(),
                        a.attributes(), a.traceParent())).toList();
    }

    /**
     * The activities of keys used before (a retry: rare), loaded as entities to answer with, under the member the
     * key was sent for: a key used by a record merged into it since is the same key (it travelled with the merge).
     */
    private Map<String, Activity> previousActivities(Map<UUID, RecordingFacts> known) {
        Map<String, Activity> previous = new HashMap<>();
        List<UUID> ids = known.values().stream().flatMap(m -> m.activityIdsByKey().values().stream()).toList();
        if (!ids.isEmpty()) {
            Map<UUID, Activity> byId = new HashMap<>();
            for (Activity activity : activities.loadByIds(ids)) {
                byId.put(activity.id, activity);
            }
            known.forEach((memberId, facts) -> facts.activityIdsByKey().forEach((key, id) -> {
                if (byId.containsKey(id)) {
                    previous.put(IdempotentActivities.keyOf(memberId, key), byId.get(id));
                }
            }));
        }
        return previous;
    }

    /** {@link #recordOne}'s check of {@code occurredAt}, for callers that must refuse before queueing the activity. */
    public void checkBounds(NewActivity activity) {
        bounds.check(List.of(activity), "");
    }

    /** Newest first; {@code after} is the last activity of the previous page. */
    @Transactional
    public List<Activity> page(UUID id, Activity after, int limit) {
        if (!members.exists(id)) {
            throw new MemberNotFoundException(id);
        }
        UUID memberId = members.survivorOf(id);
        return after == null ? activities.page(memberId, null, null, limit)
                : activities.page(memberId, after.recordedAt, after.id, limit);
    }

    @Transactional
    public Activity find(UUID memberId, UUID activityId) {
        Activity activity = activities.byId(activityId).orElse(null);
        return activity != null && members.survivorOf(activity.memberId).equals(members.survivorOf(memberId)) ? activity
                : null;
    }
}
