package io.qunyun.campaign.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.InvalidEventException;
import io.qunyun.platform.events.MembershipChanged;
import io.qunyun.campaign.domain.lifecycle.GroupMetricsService;
import io.qunyun.campaign.domain.campaign.CampaignService;
import io.qunyun.campaign.domain.campaign.Campaigns;
import io.qunyun.campaign.domain.campaign.OperatorTasks;
import io.qunyun.campaign.domain.campaign.Timeline;
import io.qunyun.campaign.domain.lifecycle.Roster;
import io.qunyun.campaign.persistence.ProcessedEventStore;

/**
 * membership-events (contract, from member-service): a member who left gets their future steps
 * and open tasks in that group cancelled before they fall due; a member who joined gets the
 * member-anchored steps of the group's running campaigns (re-entry per the template's setting).
 * Idempotent: each event id is applied once (processed_event), and every effect is itself
 * idempotent (unique keys, state-guarded updates). A record that cannot be read goes to
 * membership-events-dlq with the reason (failure-strategy dead-letter-queue).
 */
@ApplicationScoped
public class MembershipEventConsumer {

    private static final Logger LOG = Logger.getLogger(MembershipEventConsumer.class);
    public static final String JOINED = MembershipChanged.JOINED;
    public static final String ENDED = MembershipChanged.ENDED;
    public static final String CHANGED = MembershipChanged.CHANGED;

    private final CloudEventReader reader;
    private final ProcessedEventStore processed;
    private final Campaigns store;
    private final Timeline timeline;
    private final OperatorTasks tasks;
    private final CampaignService campaigns;
    private final Clock clock;

    private final Roster roster;
    private final GroupMetricsService metrics;

    MembershipEventConsumer(CloudEventReader reader, ProcessedEventStore processed, Campaigns store, Timeline timeline,
            OperatorTasks tasks, CampaignService campaigns, Clock clock, Roster roster, GroupMetricsService metrics) {
        this.roster = roster;
        this.metrics = metrics;
        this.reader = reader;
        this.processed = processed;
        this.store = store;
        this.timeline = timeline;
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Incoming(Topics.MEMBERSHIP_EVENTS)
    @Transactional
    public void consume(String record) {
        MembershipEvent event = parse(record);
        if (!processed.firstSeen(event.id(), clock.instant())) {
            return;
        }
        apply(event);
    }

    public record MembershipEvent(String id, String type, UUID memberId, UUID groupId, Instant joinedAt,
            String exitKind, UUID membershipId, boolean staff, String layer, Instant occurredAt) {

        public MembershipEvent(String id, String type, UUID memberId, UUID groupId, Instant joinedAt, String exitKind) {
            this(id, type, memberId, groupId, joinedAt, exitKind, null, false, null, null);
        }
    }

    /** @throws InvalidEventException with the reason that goes into the DLQ record's header */
    public MembershipEvent parse(String record) {
        // joined, ended, changed and any later type: apply() acts on the first two
        CloudEventReader.Envelope envelope = reader.anyEnvelope(record);
        if (envelope.type() == null || envelope.type().isBlank()) {
            throw new InvalidEventException("envelope has no type");
        }
        String id = envelope.requireId();
        MembershipChanged m = reader.data(envelope, MembershipChanged.class, "membership event");
        if (JOINED.equals(envelope.type()) && m.joinedAt() == null) {
            throw new InvalidEventException("invalid membership event: data.joinedAt is missing");
        }
        return new MembershipEvent(id, envelope.type(), m.memberId(), m.groupId(), m.joinedAt(), m.exitKind(),
                m.membershipId(), m.staff(), m.layer(), m.occurredAt() != null ? m.occurredAt() : m.endedAt());
    }

    void apply(MembershipEvent e) {
        recordForMetrics(e);
        switch (e.type()) {
            case ENDED -> {
                Instant now = clock.instant();
                String reason = "membership ended (" + (e.exitKind() == null ? "unknown" : e.exitKind()) + ")";
                int steps = timeline.cancelMemberSteps(e.groupId(), e.memberId(), reason);
                int tasks = this.tasks.cancelMemberTasks(e.groupId(), e.memberId(), reason, now);
                LOG.debugf("member %s left group %s: %d steps, %d tasks cancelled", e.memberId(), e.groupId(), steps,
                        tasks);
            }
            case JOINED -> {
                for (UUID campaignId : store.activeCampaignsOfGroup(e.groupId())) {
                    campaigns.planMember(store.campaign(campaignId).orElseThrow(), e.groupId(), e.memberId(),
                            e.joinedAt());
                }
            }
            default -> {
                // changed.v1 and future types: audiences are read at fire time, nothing to do.
            }
        }
    }

    /** The roster (metric denominators, staff) and the joins and exits of the group's metrics. */
    private void recordForMetrics(MembershipEvent e) {
        if (e.membershipId() == null) {
            return;
        }
        Instant at = e.occurredAt() != null ? e.occurredAt() : e.joinedAt() != null ? e.joinedAt() : clock.instant();
        switch (e.type()) {
            case JOINED -> {
                roster.memberJoined(e.membershipId(), e.groupId(), e.memberId(), e.staff(), e.layer(), e.joinedAt());
                metrics.recordMembership(e.id(), e.groupId(), e.memberId(), "JOINED", e.staff(), e.joinedAt());
            }
            case ENDED -> {
                roster.memberLeft(e.membershipId(), e.groupId(), e.memberId(), e.staff(), e.layer(), e.joinedAt(), at);
                metrics.recordMembership(e.id(), e.groupId(), e.memberId(), "LEFT", e.staff(), at);
            }
            case CHANGED -> roster.memberChanged(e.membershipId(), e.layer());
            default -> {
            }
        }
    }
}
