package io.qunyun.campaign.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.campaign.domain.lifecycle.GroupMetricsService;
import io.qunyun.campaign.domain.lifecycle.GroupMetricsService.ActivityFact;

/**
 * member-activities (from member-service): every activity inside a group becomes one fact of the
 * group's metrics. Idempotent on the event id (group_fact's key); activities outside a group are
 * not a group's business. A record that cannot be read goes to member-activities-dlq with the reason.
 */
@ApplicationScoped
public class ActivityEventConsumer {

    static final String RECORDED = "io.qunyun.member.activity.recorded.v1";

    private final ObjectMapper json;
    private final GroupMetricsService metrics;

    ActivityEventConsumer(ObjectMapper json, GroupMetricsService metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    @Incoming(Topics.MEMBER_ACTIVITIES)
    @Transactional
    public void consume(String record) {
        ActivityFact fact = parse(record);
        if (fact != null) {
            metrics.record(fact);
        }
    }

    /** @return null for an activity outside a group or of another event type */
    ActivityFact parse(String record) {
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
        if (root.hasNonNull("type") && !RECORDED.equals(root.get("type").asText())) {
            return null;
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("data is missing");
        }
        if (!data.hasNonNull("groupId")) {
            return null;
        }
        try {
            BigDecimal amount = null;
            JsonNode attributes = data.get("attributes");
            if (attributes != null && attributes.hasNonNull("amount")) {
                amount = new BigDecimal(attributes.get("amount").asText());
            }
            return new ActivityFact(id, UUID.fromString(text(data, "groupId")), UUID.fromString(text(data, "memberId")),
                    text(data, "type"), Instant.parse(text(data, "occurredAt")), amount,
                    data.hasNonNull("campaignPhase") ? data.get("campaignPhase").asText() : null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("data.occurredAt is not an ISO instant");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data.attributes.amount is not a decimal number");
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
