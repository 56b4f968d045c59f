package io.qunyun.member.messaging;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

import io.qunyun.platform.messaging.DeadLetters;
import io.qunyun.platform.messaging.StoreRetry;
import io.qunyun.platform.events.InvalidEventException;

import io.qunyun.member.domain.LedgerService;
import io.qunyun.member.domain.MembershipExits;
import io.qunyun.member.domain.RewardDecision;

/**
 * Credits reward decisions to the ledger, one database transaction per polled batch. The batch is
 * acknowledged (and its offsets become committable) only when this method returns, i.e. after the
 * ledger commit and after every dead letter was acknowledged; a crash before that means the batch
 * is consumed again, which the ledger's unique activity id makes harmless. While the database is
 * down the batch waits in {@link StoreRetry} (the partitions pause) and is stored when it is back.
 */
@ApplicationScoped
public class RewardDecisionConsumer {

    private static final Logger LOG = Logger.getLogger(RewardDecisionConsumer.class);

    private final RewardDecisionParser parser;
    private final LedgerService ledger;
    private final DeadLetters deadLetters;
    private final StoreRetry retry;
    private final MembershipExits memberships;

    RewardDecisionConsumer(RewardDecisionParser parser, LedgerService ledger, DeadLetters deadLetters,
            StoreRetry retry, MembershipExits memberships) {
        this.parser = parser;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.memberships = memberships;
    }

    @Incoming("reward-decisions")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws Exception {
        Map<RewardDecision, ConsumerRecord<String, byte[]>> origins = new IdentityHashMap<>();
        List<RewardDecision> decisions = new ArrayList<>(records.count());
        List<DeadLetters.Letter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                RewardDecision decision = parser.parse(record.value());
                origins.put(decision, record);
                decisions.add(decision);
            } catch (InvalidEventException e) {
                rejected.add(new DeadLetters.Letter(record, e.getMessage(), e.getCause()));
            }
        }
        LedgerService.CreditResult result = decisions.isEmpty() ? new LedgerService.CreditResult(0, 0, 0, List.of())
                : retry.call(decisions.size() + " reward decisions", () -> ledger.credit(decisions));
        // after the ledger commit: a crash here redelivers the batch, which the ledger absorbs
        int expelled = retry.call("expulsions", () -> memberships.expelOnDecisions(decisions));
        for (RewardDecision unknown : result.unknownMember()) {
            rejected.add(new DeadLetters.Letter(origins.get(unknown), "unknown member " + unknown.memberId(), null));
        }
        deadLetters.deliver(rejected);
        LOG.debugf("Ledger batch: %d records, %d credited, %d already credited, %d dead-lettered, %d expelled",
                records.count(), result.credited(), result.alreadyCredited(), rejected.size(), expelled);
    }
}
