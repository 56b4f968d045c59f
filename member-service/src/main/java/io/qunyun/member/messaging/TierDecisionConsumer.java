package io.qunyun.member.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

import io.qunyun.platform.messaging.DeadLetters;
import io.qunyun.platform.messaging.StoreRetry;
import io.qunyun.member.domain.TierDecision;
import io.qunyun.member.domain.TierService;

/**
 * tier-decisions → the member's tier (idempotent on decisionId). Records that can never be applied
 * (malformed, unknown member) go to tier-decisions-dlq with the reason ({@link DeadLetters}); while the
 * database is down the poll waits in {@link StoreRetry}, so nothing is skipped and nothing needs a restart.
 */
@ApplicationScoped
public class TierDecisionConsumer {

    public static final String TOPIC = "tier-decisions";
    public static final String EVENT_TYPE = "io.qunyun.rules.tier.decided.v1";

    private final ObjectMapper json;
    private final TierService tiers;
    private final DeadLetters deadLetters;
    private final StoreRetry retry;

    TierDecisionConsumer(ObjectMapper json, TierService tiers, DeadLetters deadLetters, StoreRetry retry) {
        this.retry = retry;
        this.json = json;
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

    TierDecision parse(byte[] value) throws InvalidEventException {
        JsonNode envelope = EventReader.envelope(json, value, EVENT_TYPE);
        JsonNode data = envelope.get("data");
        var decisionId = data.hasNonNull("decisionId") ? EventReader.uuid(data, "decisionId", true)
                : EventReader.uuid(envelope, "id", true);
        String tier = EventReader.text(data, "tier", true);
        if (tier.isBlank() || tier.length() > 32) {
            throw new InvalidEventException("tier is blank or longer than 32 characters");
        }
        String benefits = EventReader.text(data, "benefits", true);
        JsonNode growth = data.get("growthValue");
        Long growthValue = growth == null || growth.isNull() ? null : growth.isIntegralNumber() ? growth.longValue() : null;
        List<String> firedRules = new ArrayList<>();
        JsonNode rules = data.get("firedRules");
        if (rules != null && rules.isArray()) {
            for (JsonNode rule : rules) {
                if (!rule.isTextual()) {
                    throw new InvalidEventException("firedRules contains a non-string: " + rule);
                }
                firedRules.add(rule.asText());
            }
        }
        return new TierDecision(decisionId, EventReader.uuid(data, "memberId", true), tier, benefits, growthValue,
                firedRules, EventReader.text(data, "table", false), EventReader.text(data, "tableVersion", false));
    }
}
