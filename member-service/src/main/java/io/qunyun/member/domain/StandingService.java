package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.qunyun.member.config.MembershipConfig;
import io.qunyun.member.domain.MembershipRules.StandingDecision;
import io.qunyun.member.domain.MembershipRules.StandingFacts;
import io.qunyun.member.domain.MembershipHistoryEntry.Dimension;

/**
 * Relationship stage, activity state and circle layer of open memberships, as the MemberStanding
 * table decides them. A recorded activity in a group adds to that membership's facts and makes it due
 * now; every evaluation makes it due again a day later, so recency (dormant, churned) is noticed
 * without new activity. The stage only moves forward; state and layer move both ways. Each change
 * is kept in membership_history and published.
 */
@ApplicationScoped
public class StandingService {

    private static final Logger LOG = Logger.getLogger(StandingService.class);

    private final Memberships memberships;
    private final MembershipHistory history;
    private final MembershipRules rules;
    private final MembershipPublisher events;
    private final MembershipConfig config;
    private final Clock clock;

    private final GroupTimeZones zones;

    StandingService(Memberships memberships, MembershipHistory history,
            MembershipRules rules, MembershipPublisher events, MembershipConfig config, Clock clock,
            GroupTimeZones zones) {
        this.zones = zones;
        this.memberships = memberships;
        this.history = history;
        this.rules = rules;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** Adds just-recorded activities to their group memberships' facts, in the recording transaction (one batch). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onActivities(List<Activity> activities) {
        List<Memberships.ActivityFacts> facts = new ArrayList<>();
        for (Activity activity : activities) {
            if (activity.groupId == null) {
                continue;
            }
            boolean share = activity.type == ActivityType.SHARE;
            facts.add(new Memberships.ActivityFacts(activity.memberId, activity.groupId, activity.occurredAt,
                    activity.type != ActivityType.AD_SPAM, activity.type == ActivityType.PURCHASE, share,
                    share || activity.type == ActivityType.CONTENT_POST, activity.type == ActivityType.CHECK_IN));
        }
        memberships.addActivities(facts, now());
    }

    @Scheduled(identity = "standing-sweep", every = "${qunyun.standing.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        try {
            evaluateDue();
        } catch (RulesUnavailableException e) {
            // the memberships stay due; the next sweep tries again
            LOG.warnf("Standing sweep stopped: %s", e.getMessage());
        }
    }

    /**
     * Evaluates every membership due now, a batch per transaction. Decisions are pure functions of the
     * facts, so one sweep asks rules-service once per distinct set of facts.
     *
     * @return memberships evaluated
     */
    public int evaluateDue() {
        Map<StandingFacts, StandingDecision> decisions = new HashMap<>();
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().timeout(120).call(() -> evaluateBatch(decisions));
            total += batch;
        } while (batch == config.standingBatchSize());
        return total;
    }

    private int evaluateBatch(Map<StandingFacts, StandingDecision> decisions) {
        Instant now = now();
        List<Membership> due = memberships.lockDue(now, config.standingBatchSize());
        Map<UUID, ZoneId> zonesOfBatch = new HashMap<>();
        for (Membership membership : due) {
            ZoneId zone = zonesOfBatch.computeIfAbsent(membership.groupId, zones::of);
            StandingFacts facts = facts(membership, zone, now);
            StandingDecision decision = decisions.get(facts);
            if (decision == null) {
                decision = rules.standing(facts);
                decisions.put(facts, decision);
            }
            apply(membership, decision, now);
        }
        return due.size();
    }

    static StandingFacts facts(Membership m, ZoneId zone, Instant now) {
        Instant lastActivity = m.lastActivityAt == null ? m.joinedAt : m.lastActivityAt;
        Instant lastContribution = m.lastContributionAt == null ? m.joinedAt : m.lastContributionAt;
        return new StandingFacts(m.interactions, m.purchases, m.shares, m.contributions, localDays(lastActivity, now, zone),
                localDays(lastContribution, now, zone));
    }

    /** Whole local days of the group between two instants (0 on the same local day). */
    static int localDays(Instant from, Instant to, ZoneId zone) {
        long days = ChronoUnit.DAYS.between(from.atZone(zone).toLocalDate(), to.atZone(zone).toLocalDate());
        return (int) Math.max(0, Math.min(days, Integer.MAX_VALUE));
    }

    private void apply(Membership m, StandingDecision decision, Instant now) {
        List<MembershipPublisher.Change> changes = new ArrayList<>();
        // the stage never goes back, whatever the table says (an analyst's edit must not demote anyone)
        RelationshipStage stage = m.stage.atLeast(decision.stage());
        if (stage != m.stage) {
            RelationshipStage previous = m.stage;
            m.stage = stage;
            record(m, Dimension.STAGE, previous.name(), stage.name(), decision.stageRule(), decision.tableVersion(), now);
            events.stageChanged(m, previous.name(), decision.stageRule(), decision.tableVersion(), now);
        }
        if (decision.activityState() != m.activityState) {
            changes.add(new MembershipPublisher.Change("activityState", m.activityState.name(),
                    decision.activityState().name(), decision.activityStateRule()));
            record(m, Dimension.ACTIVITY_STATE, m.activityState.name(), decision.activityState().name(),
                    decision.activityStateRule(), decision.tableVersion(), now);
            m.activityState = decision.activityState();
        }
        if (decision.layer() != m.layer) {
            changes.add(new MembershipPublisher.Change("layer", m.layer.name(), decision.layer().name(), decision.layerRule()));
            record(m, Dimension.LAYER, m.layer.name(), decision.layer().name(), decision.layerRule(),
                    decision.tableVersion(), now);
            m.layer = decision.layer();
        }
        if (!changes.isEmpty()) {
            events.changed(m, changes, now);
        }
        m.nextStandingCheckAt = now.plus(config.standingRecheck());
    }

    private void record(Membership m, Dimension dimension, String from, String to, String decidedBy, String tableVersion,
            Instant now) {
        MembershipHistoryEntry entry = new MembershipHistoryEntry();
        entry.membershipId = m.id;
        entry.memberId = m.memberId;
        entry.groupId = m.groupId;
        entry.dimension = dimension;
        entry.fromValue = from;
        entry.toValue = to;
        entry.decidedBy = decidedBy;
        entry.tableVersion = tableVersion;
        entry.changedAt = now;
        history.save(entry);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
