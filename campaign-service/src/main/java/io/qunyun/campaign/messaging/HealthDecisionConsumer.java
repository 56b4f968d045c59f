package io.qunyun.campaign.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.GroupHealthDecided;
import io.qunyun.campaign.domain.lifecycle.GroupLifecycle;
import io.qunyun.campaign.domain.lifecycle.GroupLifecycle.HealthDecision;

/**
 * group-health-decisions (from rules-service): each GroupHealth verdict is acted on once. The
 * action's key is the decision id (lifecycle_action.decision_id), so a redelivered decision, e.g.
 * after this instance died before committing its offset, finds its action and changes nothing. A
 * record that cannot be read, or names a group campaign-service does not know, goes to
 * group-health-decisions-dlq with the reason.
 */
@ApplicationScoped
public class HealthDecisionConsumer {

    private final CloudEventReader reader;
    private final GroupLifecycle lifecycle;

    HealthDecisionConsumer(CloudEventReader reader, GroupLifecycle lifecycle) {
        this.reader = reader;
        this.lifecycle = lifecycle;
    }

    @Incoming(Topics.GROUP_HEALTH_DECISIONS)
    public void consume(String record) {
        lifecycle.onHealthDecision(parse(record));
    }

    HealthDecision parse(String record) {
        CloudEventReader.Envelope envelope = reader.envelope(record, GroupHealthDecided.EVENT_TYPE, false);
        String id = envelope.requireId();
        GroupHealthDecided d = reader.data(envelope, GroupHealthDecided.class, "group health decision");
        return new HealthDecision(d.decisionId() != null ? d.decisionId().toString() : id, d.groupId(), d.verdict(),
                d.reviveKind(), d.message(), Boolean.TRUE.equals(d.pastLifespan()), d.decidedBy(),
                d.firedRules() == null ? List.of() : d.firedRules(), d.table() == null ? "GroupHealth" : d.table(),
                d.tableVersion());
    }
}
