package io.qunyun.rules.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.health.GroupHealthDecision;
import io.qunyun.rules.domain.health.GroupHealthService;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.qunyun.platform.events.CloudEvent;
import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.GroupHealthDecided;
import io.qunyun.platform.events.GroupMetricsReported;
import io.qunyun.rules.domain.health.GroupMetrics;
import io.qunyun.rules.domain.positioning.GroupType;
import io.qunyun.rules.domain.positioning.PrimaryMetric;

/**
 * group-metrics → GroupHealth table → group-health-decisions. Same acknowledgement chain as
 * {@link RewardDecisionProcessor}; undecidable records go to group-metrics-dlq with the reason.
 * The data is bound to the REST request record, so both paths accept the same input.
 */
@ApplicationScoped
public class GroupHealthDecisionProcessor {

    private static final Logger LOG = Logger.getLogger(GroupHealthDecisionProcessor.class);

    public static final String METRICS = "group-metrics";
    public static final String DECISIONS = "group-health-decisions";
    public static final String METRICS_EVENT_TYPE = GroupMetricsReported.EVENT_TYPE;

    @Inject
    CloudEvents events;

    @Inject
    GroupHealthService health;

    Clock clock = Clock.systemUTC();

    @Incoming(METRICS)
    @Outgoing(DECISIONS)
    public Message<String> decide(Message<String> metricsMessage) {
        try {
            CloudEventReader.Envelope envelope = events.envelope(metricsMessage.getPayload(), METRICS_EVENT_TYPE);
            String eventId = CloudEvents.requireId(envelope);
            GroupMetricsReported metrics = events.data(envelope, GroupMetricsReported.class, "group metrics");
            if (metrics.groupId() == null) {
                throw new MalformedEventException("invalid group metrics: data.groupId is missing");
            }
            CloudEvent<GroupHealthDecided> event = decisionEvent(eventId, metrics);
            return metricsMessage
                    .withPayload(events.toJson(event))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(metrics.groupId().toString()).build());
        } catch (RuntimeException e) {
            LOG.warnf("Group metrics rejected to %s-dlq: %s", METRICS, e.getMessage());
            metricsMessage.nack(e);
            return null; // nothing to publish; null skips the record downstream
        }
    }

    public CloudEvent<GroupHealthDecided> decisionEvent(String metricsEventId, GroupMetricsReported metrics) {
        GroupHealthDecision d = health.decide(metrics(metrics));
        UUID decisionId = CloudEvents.decisionId("group-health", metricsEventId);
        GroupHealthDecided data = new GroupHealthDecided(decisionId, metricsEventId, metrics.groupId(),
                metrics.groupType(), d.verdict().name(), d.reviveKind() == null ? null : d.reviveKind().name(),
                d.message(), d.pastLifespan(), d.decidedBy(),
                d.firedRules(), DecisionTable.GROUP_HEALTH.tableName(), d.tableVersion());
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, decisionId.toString(), GroupHealthDecided.EVENT_TYPE,
                RewardDecisionProcessor.SOURCE, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), metrics.groupId().toString(),
                CloudEvent.JSON, data);
    }

    /** The table's inputs; the names of the table's constants are checked here, naming the field. */
    static GroupMetrics metrics(GroupMetricsReported m) {
        return new GroupMetrics(constant(GroupType.class, m.groupType(), "groupType"), m.messagesPerDay(),
                m.activeMemberRatio(), m.checkInRate(), m.conversions().intValue(), m.ageHours().intValue(),
                m.lifespanHours(), constant(PrimaryMetric.class, m.primaryMetric(), "primaryMetric"),
                m.campaignAgeHours() == null ? null : m.campaignAgeHours().intValue());
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, String field) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("invalid group metrics: data." + field + " is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ": " + name);
        }
    }
}
