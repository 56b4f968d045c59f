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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.points.PointsPolicyDecision;
import io.qunyun.rules.domain.points.PointsPolicyService;
import io.qunyun.rules.domain.reward.RewardContext;
import io.qunyun.rules.domain.reward.RewardDecision;
import io.qunyun.rules.domain.reward.RewardService;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.qunyun.platform.events.ActivityRecorded;
import io.qunyun.platform.events.CloudEvent;
import io.qunyun.platform.events.RewardDecided;

/**
 * member-activities → Rewards table → reward-decisions.
 *
 * <p>The outgoing message is the incoming one with a new payload, so it carries the incoming
 * acknowledgement: the activity offset is committed only once the broker acknowledged the decision
 * (at least once). An activity that cannot be decided is nacked with the reason, and the
 * dead-letter-queue failure strategy sends it to member-activities-dlq with that reason.
 *
 * <p>Why catch instead of throw: with a Message-in/Message-out signature acknowledgement is manual,
 * and an exception thrown from the method would fail the whole stream rather than nack one record.
 *
 * <p>Why {@code @NonBlocking}: Quarkus treats a method that returns neither {@code Uni}, {@code Multi} nor
 * {@code CompletionStage} as blocking ({@code quarkus.messaging.blocking.signatures.execution.mode}, default
 * {@code worker}) and hands each record from the connector's event loop to the worker pool (ordered) and back, with
 * the context propagated each time: that hand-over cost more CPU than the decision (docs/performance-log.md, "Kafka
 * processors"). Deciding is pure CPU: the table version comes from memory ({@code DecisionTableCatalog#active}; the
 * database is read only by {@code TableActivations}' poll, on the scheduler's thread), the decision caches and the
 * rule engine touch no I/O, and the connector sends on its own sending thread. So the method runs on the event
 * loop that delivers the record; order per partition and the acknowledgement chain are unchanged.
 */
@ApplicationScoped
public class RewardDecisionProcessor {

    private static final Logger LOG = Logger.getLogger(RewardDecisionProcessor.class);

    public static final String ACTIVITIES = "member-activities";
    public static final String DECISIONS = RewardDecided.TOPIC;
    public static final String SOURCE = "/rules-service";

    @Inject
    ActivityEventReader reader;

    @Inject
    RewardService rewards;

    @Inject
    PointsPolicyService policies;

    @Inject
    ObjectMapper mapper;

    Clock clock = Clock.systemUTC();

    @Incoming(ACTIVITIES)
    @Outgoing(DECISIONS)
    @NonBlocking
    public Message<String> decide(Message<String> activityMessage) {
        try {
            ActivityRecorded activity = reader.read(activityMessage.getPayload());
            CloudEvent<RewardDecided> event = decisionEvent(activity);
            String key = activity.memberId().toString();
            return activityMessage
                    .withPayload(toJson(event))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
        } catch (RuntimeException e) {
            LOG.warnf("Activity rejected to %s-dlq: %s", ACTIVITIES, e.getMessage());
            activityMessage.nack(e);
            return null; // nothing to publish; null skips the record downstream
        }
    }

    /** The decision for one activity; its id depends only on the activity id, so replays yield the same id. */
    public CloudEvent<RewardDecided> decisionEvent(ActivityRecorded activity) {
        RewardDecision decision = rewards.decide(new RewardContext(activity.type(), activity.groupId() != null,
                activity.streakDays(), activity.campaignPhase(), activity.memberTier(),
                activity.priorOffences() == null ? 0 : activity.priorOffences()));
        UUID decisionId = decisionId(activity.activityId());
        RewardDecided data = new RewardDecided(decisionId, activity.activityId(), activity.memberId(), activity.type(),
                activity.groupId(), activity.occurredAt(), decision.points(), decision.basePoints(),
                decision.multiplier(), decision.reason(), decision.badge(), decision.penalty(), decision.expel(),
                decision.firedRules(), DecisionTable.REWARDS.tableName(),
                decision.tableVersion(), policy(activity));
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, decisionId.toString(), RewardDecided.EVENT_TYPE,
                SOURCE, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), activity.memberId().toString(), CloudEvent.JSON, data);
    }

    private RewardDecided.CreditPolicy policy(ActivityRecorded activity) {
        PointsPolicyDecision p = policies.decide(activity.type(), activity.memberTier());
        return new RewardDecided.CreditPolicy(p.maxPerDay(), p.capRule(),
                p.growthInput() == null ? null : p.growthInput().name(), p.expiresAfterDays(),
                p.expiryRule(), DecisionTable.POINTS_POLICY.tableName(), p.tableVersion());
    }

    public static UUID decisionId(UUID activityId) {
        return CloudEvents.nameUuid("reward:" + activityId);
    }

    String toJson(CloudEvent<RewardDecided> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize decision " + event.id(), e);
        }
    }
}
