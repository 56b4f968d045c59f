package io.qunyun.campaign.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    static final String DECIDED = "io.qunyun.rules.group-health.decided.v1";

    private final ObjectMapper json;
    private final GroupLifecycle lifecycle;

    HealthDecisionConsumer(ObjectMapper json, GroupLifecycle lifecycle) {
        this.json = json;
        this.lifecycle = lifecycle;
    }

    @Incoming(Topics.GROUP_HEALTH_DECISIONS)
    public void consume(String record) {
        lifecycle.onHealthDecision(parse(record));
    }

    HealthDecision parse(String record) {
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
        if (root.hasNonNull("type") && !DECIDED.equals(root.get("type").asText())) {
            throw new IllegalArgumentException("unsupported event type " + root.get("type").asText());
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("data is missing");
        }
        String verdict = text(data, "verdict");
        if (!List.of("OK", "REVIVE", "TRANSFER_ACTIVE", "DISSOLVE").contains(verdict)) {
            throw new IllegalArgumentException("data.verdict '" + verdict + "' is not OK, REVIVE, TRANSFER_ACTIVE or DISSOLVE");
        }
        List<String> fired = new ArrayList<>();
        data.path("firedRules").forEach(n -> fired.add(n.asText()));
        String decisionId = data.hasNonNull("decisionId") ? data.get("decisionId").asText() : id;
        return new HealthDecision(decisionId, UUID.fromString(text(data, "groupId")), verdict,
                data.hasNonNull("reviveKind") ? data.get("reviveKind").asText() : null,
                data.hasNonNull("message") ? data.get("message").asText() : null,
                data.path("pastLifespan").asBoolean(false), data.path("decidedBy").asText(null), fired,
                data.path("table").asText("GroupHealth"), data.path("tableVersion").asText(null));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.asText();
    }
}
