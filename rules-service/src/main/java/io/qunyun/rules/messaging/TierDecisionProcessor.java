package io.qunyun.rules.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectReader;

import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.tier.TierDecision;
import io.qunyun.rules.domain.tier.TierService;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import io.qunyun.platform.events.CloudEvent;
import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.TierDecided;

/**
 * member-growth → Tiers table → tier-decisions. Same acknowledgement chain as
 * {@link RewardDecisionProcessor}: the growth record is committed only once the broker acknowledged
 * the decision; a record that cannot be decided is nacked with the reason and lands in
 * member-growth-dlq. The data is bound to the REST request record, so both paths accept the same input.
 * Runs on the event loop that delivers the record ({@code @NonBlocking}), for the reasons given there: deciding
 * is pure CPU.
 */
@ApplicationScoped
public class TierDecisionProcessor {

    private static final Logger LOG = Logger.getLogger(TierDecisionProcessor.class);

    public static final String GROWTH = "member-growth";
    public static final String DECISIONS = "tier-decisions";
    public static final String GROWTH_EVENT_TYPE = "io.qunyun.member.growth.changed.v1";

    @Inject
    CloudEvents events;

    @Inject
    TierService tiers;

    /** Binds a growth envelope in one pass ({@link CloudEvents#bindOrNull}). */
    private ObjectReader growthReader;

    @PostConstruct
    void init() {
        growthReader = events.envelopeReader(MemberGrowth.class);
    }

    Clock clock = Clock.systemUTC();

    @Incoming(GROWTH)
    @Outgoing(DECISIONS)
    @NonBlocking
    public Message<String> decide(Message<String> growthMessage) {
        try {
            CloudEvents.Bound<MemberGrowth> bound = events.bindOrNull(growthMessage.getPayload(), GROWTH_EVENT_TYPE, growthReader);
            String eventId;
            MemberGrowth growth;
            if (bound != null && bound.data().withinConstraints()) {
                eventId = bound.id();
                growth = bound.data();
            } else { // read again the way that names what is wrong (or checks what the shortcut does not)
                CloudEventReader.Envelope envelope = events.envelope(growthMessage.getPayload(), GROWTH_EVENT_TYPE);
                eventId = CloudEvents.requireId(envelope);
                growth = events.data(envelope, MemberGrowth.class, "member growth");
            }
            CloudEvent<TierDecided> event = decisionEvent(eventId, growth);
            return growthMessage
                    .withPayload(events.toJson(event))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(growth.memberId().toString()).build());
        } catch (RuntimeException e) {
            LOG.warnf("Member growth rejected to %s-dlq: %s", GROWTH, e.getMessage());
            growthMessage.nack(e);
            return null; // nothing to publish; null skips the record downstream
        }
    }

    public CloudEvent<TierDecided> decisionEvent(String growthEventId, MemberGrowth growth) {
        TierDecision d = tiers.decide(growth.window());
        UUID decisionId = CloudEvents.decisionId("tier", growthEventId);
        Map<String, Integer> weights = new LinkedHashMap<>(); // in the table's order
        d.weights().forEach((input, weight) -> weights.put(input.name(), weight));
        TierDecided data = new TierDecided(decisionId, growthEventId, growth.memberId(), growth.purchases(),
                growth.contentPoints(), growth.behaviourPoints(), d.growthValue(), weights, d.tier().name(), d.rank(),
                d.benefits(), d.currentTier() == null ? null : d.currentTier().name(),
                d.change() == null ? null : d.change().name(), d.firedRules(), DecisionTable.TIERS.tableName(),
                d.tableVersion());
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, decisionId.toString(), TierDecided.EVENT_TYPE,
                RewardDecisionProcessor.SOURCE, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), growth.memberId().toString(),
                CloudEvent.JSON, data);
    }
}
