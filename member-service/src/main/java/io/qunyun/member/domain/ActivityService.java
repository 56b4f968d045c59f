package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.member.config.ActivitiesConfig;
import io.qunyun.member.messaging.ActivityRecordedEvents;
import io.qunyun.platform.messaging.Outbox;
import io.qunyun.platform.messaging.OutboxMessage;
import io.qunyun.member.persistence.Activity;
import io.qunyun.member.persistence.ActivityRepository;
import io.qunyun.member.persistence.ActivityRepository.RecordingFacts;
import io.qunyun.member.persistence.CampaignPhaseRepository;
import io.qunyun.member.persistence.MemberRepository;

@ApplicationScoped
public class ActivityService {

    /** Phase a campaign-service campaign reports when it is over: no campaign runs in the group any more. */
    static final String CAMPAIGN_ENDED = "ENDED";

    private final MemberRepository members;
    private final ActivityRepository activities;
    private final CampaignPhaseRepository phases;
    private final GroupTimeZones zones;
    private final ActivityRecordedEvents events;
    private final Outbox outbox;
    private final StandingService standing;
    private final Clock clock;
    private final ActivitiesConfig bounds;

    ActivityService(MemberRepository members, ActivityRepository activities, CampaignPhaseRepository phases,
            GroupTimeZones zones, ActivityRecordedEvents events, Outbox outbox,
            StandingService standing, Clock clock, ActivitiesConfig bounds) {
        this.bounds = bounds;
        this.members = members;
        this.activities = activities;
        this.phases = phases;
        this.zones = zones;
        this.events = events;
        this.outbox = outbox;
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
    private List<Optional<RecordedActivity>> recordAll(List<NewActivity> batch, String fields) {
        checkBounds(batch, fields);
        // One statement for the members, their tier and prior offences, and the keys they used before:
        // nothing is loaded into the persistence context, so the commit has nothing to flush.
        // (member, key) pairs in parallel arrays: the i-th key is the i-th member's
        Map<UUID, RecordingFacts> known = activities.recordingFacts(
                batch.stream().map(NewActivity::memberId).toList(),
                batch.stream().map(NewActivity::idempotencyKey).toList());
        Map<String, Activity> previous = previousActivities(known);
        Map<UUID, Optional<String>> phaseOf = new HashMap<>();
        List<Optional<RecordedActivity>> results = new ArrayList<>(java.util.Collections.nCopies(batch.size(),
                Optional.<RecordedActivity>empty()));
        // In member id order (a member's own activities keep the caller's order): two concurrent calls then
        // lock the rows they share (memberships, keys) in the same order instead of deadlocking.
        List<Integer> order = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparing(i -> batch.get(i).memberId()));
        Pending pending = new Pending(previous);
        for (int index : order) {
            NewActivity item = batch.get(index);
            RecordingFacts member = known.get(item.memberId());
            if (member == null) {
                continue;
            }
            Activity before = previous.get(keyOf(item.memberId(), item.idempotencyKey()));
            if (before != null) {
                // a retry, or the key repeated earlier in this call (then it is the activity planned for it)
                sameRequest(before, item, fields.formatted(index));
                results.set(index, Optional.of(new RecordedActivity(before, false)));
                pending.answeredBy(before, index);
                continue;
            }
            Activity activity = newActivity(item);
            if (activity.type == ActivityType.CHECK_IN && pending.hasCheckInOf(activity.memberId)) {
                // the streak is read from the stored check-ins: this call's earlier ones must be stored first
                pending.store(batch, fields, results);
            }
            RewardContext context = contextOf(member, activity, phaseOf);
            activity.streakDays = context.streakDays();
            activity.campaignPhase = context.campaignPhase();
            activity.memberTier = context.memberTier();
            activity.priorOffences = context.priorOffences();
            previous.put(keyOf(item.memberId(), item.idempotencyKey()), activity);
            results.set(index, Optional.of(new RecordedActivity(activity, true)));
            pending.add(activity, index, item.traceParent());
        }
        pending.store(batch, fields, results);
        outbox.enqueueAll(pending.events);
        return results;
    }

    /**
     * Activities planned but not yet inserted, stored together in one batch; their events and standing facts
     * follow in the same order. The results of every call item answered by a planned activity are remembered,
     * so that an activity whose key a concurrent request took meanwhile is answered by that request's winner.
     */
    private final class Pending {
        private final List<Activity> planned = new ArrayList<>();
        private final Map<Activity, List<Integer>> answered = new java.util.IdentityHashMap<>();
        private final Map<Activity, String> traceOf = new java.util.IdentityHashMap<>();
        private final java.util.Set<UUID> checkIns = new java.util.HashSet<>();
        private final Map<String, Activity> byKey;
        final List<OutboxMessage> events = new ArrayList<>();

        /** @param byKey the call's activities by member and key, corrected here when a key was taken meanwhile */
        Pending(Map<String, Activity> byKey) {
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

        void store(List<NewActivity> batch, String fields, List<Optional<RecordedActivity>> results) {
            if (planned.isEmpty()) {
                return;
            }
            boolean[] inserted = activities.insertAllIfAbsent(planned);
            List<Activity> stored = new ArrayList<>(planned.size());
            for (int i = 0; i < planned.size(); i++) {
                Activity activity = planned.get(i);
                if (inserted[i]) {
                    stored.add(activity);
                    OutboxMessage event = ActivityService.this.events.recorded(activity);
                    String trace = traceOf.get(activity);
                    events.add(trace == null ? event : event.withTraceParent(trace));
                    continue;
                }
                // A concurrent request with the same key won the race; it owns the event.
                Activity winner = activities.findByIdempotencyKey(activity.memberId, activity.idempotencyKey)
                        .orElseThrow(() -> new IllegalStateException("conflicting activity vanished"));
                byKey.put(keyOf(activity.memberId, activity.idempotencyKey), winner);
                for (int index : answered.get(activity)) {
                    sameRequest(winner, batch.get(index), fields.formatted(index));
                    results.set(index, Optional.of(new RecordedActivity(winner, false)));
                }
            }
            // the group memberships' standing facts move with the activities (same transaction)
            standing.onActivities(stored);
            planned.clear();
            answered.clear();
            traceOf.clear();
            checkIns.clear();
        }
    }

    /** The activities of keys used before (a retry: rare), loaded as entities to answer with. */
    private Map<String, Activity> previousActivities(Map<UUID, RecordingFacts> known) {
        Map<String, Activity> previous = new HashMap<>();
        List<UUID> ids = known.values().stream().flatMap(m -> m.activityIdsByKey().values().stream()).toList();
        if (!ids.isEmpty()) {
            for (Activity activity : activities.loadByIds(ids)) {
                previous.put(keyOf(activity.memberId, activity.idempotencyKey), activity);
            }
        }
        return previous;
    }

    /** {@link #recordOne}'s check of {@code occurredAt}, for callers that must refuse before queueing the activity. */
    public void checkBounds(NewActivity activity) {
        checkBounds(List.of(activity), "");
    }

    /** Refuses the whole call when an activity is dated outside the configured bounds around the clock. */
    private void checkBounds(List<NewActivity> batch, String fields) {
        Instant now = Instant.now(clock);
        Instant latest = now.plus(bounds.maxFuture());
        Instant earliest = now.minus(bounds.maxAge());
        for (int i = 0; i < batch.size(); i++) {
            Instant at = batch.get(i).occurredAt();
            if (at.isAfter(latest)) {
                throw new InvalidRequestException(fields.formatted(i) + "occurredAt", "must not be more than "
                        + bounds.maxFuture() + " after the service's clock (" + now + ")");
            }
            if (at.isBefore(earliest)) {
                throw new InvalidRequestException(fields.formatted(i) + "occurredAt", "must not be more than "
                        + bounds.maxAge() + " before the service's clock (" + now + ")");
            }
        }
    }

    /**
     * The idempotency key's first activity must be the one sent again: same type, group, instant (stored to the
     * microsecond) and attributes (amounts by value: the column keeps four decimals). The row holds every field
     * of the request, so it is compared as stored rather than through a hash.
     */
    private static void sameRequest(Activity first, NewActivity again, String fields) {
        ActivityAttributes attributes = again.attributes() == null ? ActivityAttributes.NONE : again.attributes();
        boolean same = first.type == again.type()
                && java.util.Objects.equals(first.groupId, again.groupId())
                && first.occurredAt.equals(again.occurredAt().truncatedTo(ChronoUnit.MICROS))
                && java.util.Objects.equals(first.product, attributes.product())
                && (first.amount == null ? attributes.amount() == null
                        : attributes.amount() != null && first.amount.compareTo(attributes.amount()) == 0)
                && java.util.Objects.equals(first.currency == null ? null : first.currency.strip(), attributes.currency())
                && java.util.Objects.equals(first.contentKind, attributes.contentKind());
        if (!same) {
            throw new IdempotencyKeyReusedException(fields + "idempotencyKey", "was used for another activity ("
                    + first.type + " at " + first.occurredAt + ", id " + first.id + "); send a new key for a new activity");
        }
    }

    private static String keyOf(UUID memberId, String idempotencyKey) {
        return memberId + "\u0000" + idempotencyKey;
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

    /** Newest first; {@code after} is the last activity of the previous page. */
    @Transactional
    public List<Activity> page(UUID memberId, Activity after, int limit) {
        if (!members.exists(memberId)) {
            throw new MemberNotFoundException(memberId);
        }
        return after == null ? activities.page(memberId, null, null, limit)
                : activities.page(memberId, after.recordedAt, after.id, limit);
    }

    @Transactional
    public Activity find(UUID memberId, UUID activityId) {
        Activity activity = activities.findById(activityId);
        return activity != null && activity.memberId.equals(memberId) ? activity : null;
    }

    private RewardContext contextOf(RecordingFacts member, Activity activity, Map<UUID, Optional<String>> phaseOf) {
        Integer streak = null;
        if (activity.type == ActivityType.CHECK_IN) {
            ZoneId zone = zones.of(activity.groupId);
            streak = activities.checkInStreak(activity.memberId, activity.groupId, zone,
                    LocalDate.ofInstant(activity.occurredAt, zone));
        }
        String phase = activity.groupId == null ? null
                : phaseOf.computeIfAbsent(activity.groupId, phases::phaseOf).filter(p -> !CAMPAIGN_ENDED.equals(p))
                        .orElse(null);
        return new RewardContext(streak, phase, member.tier(), member.priorOffences());
    }
}
