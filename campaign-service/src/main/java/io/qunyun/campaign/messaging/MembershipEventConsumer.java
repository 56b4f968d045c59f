package io.qunyun.campaign.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    public static final String JOINED = "io.qunyun.member.membership.joined.v1";
    public static final String ENDED = "io.qunyun.member.membership.ended.v1";
    public static final String CHANGED = "io.qunyun.member.membership.changed.v1";

    private final ObjectMapper json;
    private final ProcessedEventStore processed;
    private final Campaigns store;
    private final Timeline timeline;
    private final OperatorTasks tasks;
    private final CampaignService campaigns;
    private final Clock clock;

    private final Roster roster;
    private final GroupMetricsService metrics;

    MembershipEventConsumer(ObjectMapper json, ProcessedEventStore processed, Campaigns store, Timeline timeline,
            OperatorTasks tasks, CampaignService campaigns, Clock clock, Roster roster, GroupMetricsService metrics) {
        this.roster = roster;
        this.metrics = metrics;
        this.json = json;
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

    /** @throws IllegalArgumentException with the reason that goes into the DLQ record's header */
    public MembershipEvent parse(String record) {
        JsonNode root;
        try {
            root = json.readTree(record);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a CloudEvents JSON object");
        }
        String id = text(root, "id");
        String type = text(root, "type");
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("data is missing");
        }
        try {
            UUID memberId = UUID.fromString(text(data, "memberId"));
            UUID groupId = UUID.fromString(text(data, "groupId"));
            Instant joinedAt = data.hasNonNull("joinedAt") ? Instant.parse(data.get("joinedAt").asText()) : null;
            if (JOINED.equals(type) && joinedAt == null) {
                throw new IllegalArgumentException("data.joinedAt is missing");
            }
            UUID membershipId = data.hasNonNull("membershipId") ? UUID.fromString(data.get("membershipId").asText())
                    : null;
            Instant occurredAt = data.hasNonNull("occurredAt") ? Instant.parse(data.get("occurredAt").asText())
                    : data.hasNonNull("endedAt") ? Instant.parse(data.get("endedAt").asText()) : null;
            return new MembershipEvent(id, type, memberId, groupId, joinedAt,
                    data.hasNonNull("exitKind") ? data.get("exitKind").asText() : null, membershipId,
                    data.path("staff").asBoolean(false), data.hasNonNull("layer") ? data.get("layer").asText() : null,
                    occurredAt);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("data.joinedAt is not an ISO instant");
        }
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

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.asText();
    }
}
