package io.qunyun.member.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.member.domain.RewardDecision;
import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.InvalidEventException;
import io.qunyun.platform.events.RewardDecided;

/**
 * Reads an io.qunyun.rules.reward.decided.v1 envelope (docs/events.md) into the decision the ledger credits.
 * Unknown fields are ignored; anything the ledger cannot store faithfully is rejected with a reason naming the field
 * ({@link RewardDecided}'s constraints).
 */
@ApplicationScoped
public class RewardDecisionParser {

    public static final String EVENT_TYPE = RewardDecided.EVENT_TYPE;

    private final CloudEventReader reader;

    public RewardDecisionParser(CloudEventReader reader) {
        this.reader = reader;
    }

    /** @throws InvalidEventException with the dead-letter reason */
    public RewardDecision parse(byte[] value) {
        CloudEventReader.Envelope envelope = reader.envelope(value, EVENT_TYPE, false);
        RewardDecided data = reader.data(envelope, RewardDecided.class, "reward decision");
        UUID decisionId = data.decisionId() != null ? data.decisionId() : envelope.requireUuidId();
        RewardDecided.CreditPolicy p = data.policy();
        RewardDecision.CreditPolicy policy = p == null ? null
                : new RewardDecision.CreditPolicy(p.maxPerDay(), p.capRule(), p.growthInput(), p.expiresAfterDays(),
                        p.expiryRule(), p.tableVersion());
        return new RewardDecision(decisionId, data.activityId(), data.memberId(), data.activityType(), data.points(),
                data.reason(), data.firedRules() == null ? List.of() : data.firedRules(), data.tableVersion(),
                data.occurredAt(), data.groupId(), Boolean.TRUE.equals(data.penalty()), Boolean.TRUE.equals(data.expel()),
                policy);
    }
}
