package io.qunyun.member.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import io.qunyun.platform.messaging.DeadLetters;
import io.qunyun.platform.messaging.StoreRetry;
import io.qunyun.member.domain.TierDecision;
import io.qunyun.member.domain.TierService;
import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.InvalidEventException;
import io.qunyun.platform.events.TierDecided;

/**
 * tier-decisions → the member's tier (idempotent on decisionId). Records that can never be applied
 * (malformed, unknown member) go to tier-decisions-dlq with the reason ({@link DeadLetters}); while the
 * database is down the poll waits in {@link StoreRetry}, so nothing is skipped and nothing needs a restart.
 */
@ApplicationScoped
public class TierDecisionConsumer {

    public static final String TOPIC = "tier-decisions";
    public static final String EVENT_TYPE = TierDecided.EVENT_TYPE;

    private final CloudEventReader reader;
    private final TierService tiers;
    private final DeadLetters deadLetters;
    private final StoreRetry retry;

    TierDecisionConsumer(CloudEventReader reader, TierService tiers, DeadLetters deadLetters, StoreRetry retry) {
        this.retry = retry;
        this.reader = reader;
        this.tiers = tiers;
        this.deadLetters = deadLetters;
    }

    /**
     * One transaction per poll (a commit per record was a third of member-service's time under load,
     * docs/performance.md); records of one member stay in partition order. The batch is acknowledged
     * only after the commit and the dead letters.
     */
    @Incoming(TOPIC)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws Exception {
        List<TierDecision> decisions = new ArrayList<>(records.count());
        List<ConsumerRecord<String, byte[]>> origins = new ArrayList<>(records.count());
        List<DeadLetters.Letter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                decisions.add(parse(record.value()));
                origins.add(record);
            } catch (InvalidEventException e) {
                rejected.add(new DeadLetters.Letter(record, e.getMessage(), e.getCause()));
            }
        }
        List<TierService.Outcome> outcomes = decisions.isEmpty() ? List.of()
                : retry.call(decisions.size() + " tier decisions", () -> tiers.applyAll(decisions));
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == TierService.Outcome.UNKNOWN_MEMBER) {
                rejected.add(new DeadLetters.Letter(origins.get(i), "unknown member " + decisions.get(i).memberId(), null));
            }
        }
        deadLetters.deliver(rejected);
    }

    /** @throws InvalidEventException with the dead-letter reason */
    TierDecision parse(byte[] value) {
        CloudEventReader.Envelope envelope = reader.envelope(value, EVENT_TYPE, false);
        TierDecided data = reader.data(envelope, TierDecided.class, "tier decision");
        UUID decisionId = data.decisionId() != null ? data.decisionId() : envelope.requireUuidId();
        return new TierDecision(decisionId, data.memberId(), data.tier(), data.benefits(), data.growthValue(),
                data.firedRules() == null ? List.of() : data.firedRules(), data.table(), data.tableVersion());
    }
}
