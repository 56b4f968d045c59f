package io.qunyun.member.messaging;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.member.domain.RewardDecision;

/**
 * Reads an io.qunyun.rules.reward.decided.v1 envelope (docs/events.md). Unknown fields are
 * ignored; anything the ledger cannot store faithfully is rejected with a readable reason.
 */
@ApplicationScoped
public class RewardDecisionParser {

    public static final String EVENT_TYPE = "io.qunyun.rules.reward.decided.v1";

    /** The Tiers table's growth inputs (rules-service GrowthInput). */
    static final List<String> GROWTH_INPUTS = List.of("PURCHASES", "CONTENT", "BEHAVIOUR");

    private final ObjectMapper json;

    public RewardDecisionParser(ObjectMapper json) {
        this.json = json;
    }

    public RewardDecision parse(byte[] value) throws InvalidDecisionException {
        if (value == null || value.length == 0) {
            throw new InvalidDecisionException("empty record value");
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidDecisionException("value is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidDecisionException("value is not readable: " + e.getMessage(), e);
        }
        if (envelope == null || !envelope.isObject()) {
            throw new InvalidDecisionException("value is not a JSON object");
        }
        String type = optionalText(envelope, "type");
        if (type != null && !EVENT_TYPE.equals(type)) {
            throw new InvalidDecisionException("unsupported event type " + type);
        }
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidDecisionException("data is missing or not an object");
        }
        UUID decisionId = data.hasNonNull("decisionId") ? uuid(data, "decisionId") : uuid(envelope, "id");
        return new RewardDecision(
                decisionId,
                uuid(data, "activityId"),
                uuid(data, "memberId"),
                optionalText(data, "activityType"),
                points(data),
                optionalText(data, "reason"),
                firedRules(data),
                optionalText(data, "tableVersion"),
                optionalInstant(data, "occurredAt"),
                data.hasNonNull("groupId") ? uuid(data, "groupId") : null,
                optionalBoolean(data, "penalty"),
                expel(data),
                policy(data));
    }

    /** The PointsPolicy part (docs/events.md); absent from older publishers. */
    private static RewardDecision.CreditPolicy policy(JsonNode data) throws InvalidDecisionException {
        JsonNode policy = data.get("policy");
        if (policy == null || policy.isNull()) {
            return null;
        }
        if (!policy.isObject()) {
            throw new InvalidDecisionException("policy is not an object");
        }
        String growthInput = optionalText(policy, "growthInput");
        if (growthInput != null && !GROWTH_INPUTS.contains(growthInput)) {
            throw new InvalidDecisionException("policy.growthInput is not one of " + GROWTH_INPUTS + ": " + growthInput);
        }
        return new RewardDecision.CreditPolicy(positiveInt(policy, "maxPerDay"), optionalText(policy, "capRule"),
                growthInput, positiveInt(policy, "expiresAfterDays"), optionalText(policy, "expiryRule"),
                optionalText(policy, "tableVersion"));
    }

    private static Integer positiveInt(JsonNode node, String field) throws InvalidDecisionException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new InvalidDecisionException("policy." + field + " is not a whole number > 0: " + value);
        }
        return value.intValue();
    }

    private static boolean optionalBoolean(JsonNode node, String field) throws InvalidDecisionException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidDecisionException(field + " is not a boolean");
        }
        return value.booleanValue();
    }

    private static UUID uuid(JsonNode node, String field) throws InvalidDecisionException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidDecisionException(field + " is missing");
        }
        if (!value.isTextual()) {
            throw new InvalidDecisionException(field + " is not a UUID string");
        }
        try {
            UUID uuid = UUID.fromString(value.asText());
            // UUID.fromString accepts shortened forms like "1-2-3-4-5"; only canonical ids are ids.
            if (!uuid.toString().equalsIgnoreCase(value.asText())) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new InvalidDecisionException(field + " is not a UUID: " + value.asText());
        }
    }

    private static int points(JsonNode data) throws InvalidDecisionException {
        JsonNode points = data.get("points");
        if (points == null || points.isNull()) {
            throw new InvalidDecisionException("points is missing");
        }
        if (!points.isIntegralNumber() || !points.canConvertToInt()) {
            throw new InvalidDecisionException("points is not a 32-bit integer: " + points);
        }
        return points.intValue();
    }

    private static boolean expel(JsonNode data) throws InvalidDecisionException {
        JsonNode expel = data.get("expel");
        if (expel == null || expel.isNull()) {
            return false;
        }
        if (!expel.isBoolean()) {
            throw new InvalidDecisionException("expel is not a boolean: " + expel);
        }
        return expel.booleanValue();
    }

    private static List<String> firedRules(JsonNode data) throws InvalidDecisionException {
        JsonNode rules = data.get("firedRules");
        if (rules == null || rules.isNull()) {
            return List.of();
        }
        if (!rules.isArray()) {
            throw new InvalidDecisionException("firedRules is not an array");
        }
        List<String> names = new ArrayList<>(rules.size());
        for (JsonNode rule : rules) {
            if (!rule.isTextual()) {
                throw new InvalidDecisionException("firedRules contains a non-string: " + rule);
            }
            names.add(storable("firedRules", rule.asText()));
        }
        return names;
    }

    private static String optionalText(JsonNode node, String field) throws InvalidDecisionException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidDecisionException(field + " is not a string");
        }
        return storable(field, value.asText());
    }

    private static Instant optionalInstant(JsonNode node, String field) throws InvalidDecisionException {
        String text = optionalText(node, field);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidDecisionException(field + " is not an RFC 3339 date-time: " + text);
        }
    }

    /** PostgreSQL text cannot hold NUL: such a record would fail its whole batch forever. */
    private static String storable(String field, String text) throws InvalidDecisionException {
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidDecisionException(field + " contains a NUL character");
        }
        return text;
    }
}
