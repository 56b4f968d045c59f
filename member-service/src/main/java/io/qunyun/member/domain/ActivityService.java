package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.member.messaging.ActivityRecordedEvents;
import io.qunyun.member.messaging.Outbox;
import io.qunyun.member.persistence.Activity;
import io.qunyun.member.persistence.ActivityRepository;
import io.qunyun.member.persistence.CampaignPhaseRepository;
import io.qunyun.member.persistence.Member;
import io.qunyun.member.persistence.MemberRepository;
import io.qunyun.member.persistence.PointsLedgerRepository;

@ApplicationScoped
public class ActivityService {

    /** Phase a campaign-service campaign reports when it is over: no campaign runs in the group any more. */
    static final String CAMPAIGN_ENDED = "ENDED";

    private final MemberRepository members;
    private final ActivityRepository activities;
    private final CampaignPhaseRepository phases;
    private final PointsLedgerRepository ledger;
    private final GroupTimeZones zones;
    private final ActivityRecordedEvents events;
    private final Outbox outbox;
    private final StandingService standing;
    private final Clock clock;

    ActivityService(MemberRepository members, ActivityRepository activities, CampaignPhaseRepository phases,
            PointsLedgerRepository ledger, GroupTimeZones zones, ActivityRecordedEvents events, Outbox outbox,
            StandingService standing, Clock clock) {
        this.members = members;
        this.activities = activities;
        this.phases = phases;
        this.ledger = ledger;
        this.zones = zones;
        this.events = events;
        this.outbox = outbox;
        this.standing = standing;
        this.clock = clock;
    }

    /**
     * Stores the activity, with the Rewards context as it is now, and its event in one transaction, so an
     * accepted activity is always published (by the outbox relay) and a rejected one never is. A
     * repeated idempotency key returns the original activity and publishes nothing.
     */
    @Transactional
    public RecordedActivity record(UUID memberId, ActivityType type, UUID groupId, Instant occurredAt,
            String idempotencyKey, ActivityAttributes attributes) {
        Member member = members.findByIdOptional(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
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
        activity.recordedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        activity.product = attributes.product();
        activity.amount = attributes.amount();
        activity.currency = attributes.currency();
        activity.contentKind = attributes.contentKind();
        RewardContext context = contextOf(member, activity);
        activity.streakDays = context.streakDays();
        activity.campaignPhase = context.campaignPhase();
        activity.memberTier = context.memberTier();
        activity.priorOffences = context.priorOffences();
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

    private RewardContext contextOf(Member member, Activity activity) {
        Integer streak = null;
        if (activity.type == ActivityType.CHECK_IN) {
            ZoneId zone = zones.of(activity.groupId);
            streak = activities.checkInStreak(member.id, activity.groupId, zone,
                    LocalDate.ofInstant(activity.occurredAt, zone));
        }
        String phase = activity.groupId == null ? null
                : phases.phaseOf(activity.groupId).filter(p -> !CAMPAIGN_ENDED.equals(p)).orElse(null);
        return new RewardContext(streak, phase, member.tier, ledger.penaltiesOf(member.id));
    }
}
