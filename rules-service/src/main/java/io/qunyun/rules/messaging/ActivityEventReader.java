package io.qunyun.rules.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads and validates an activity envelope by hand (envelope checks in {@link CloudEvents}), so every
 * defect yields a readable reason instead of a generic deserialization failure.
 */
@ApplicationScoped
public class ActivityEventReader {

    @Inject
    CloudEvents envelopes;

    public ActivityRecorded read(String value) {
        JsonNode data;
        try {
            data = envelopes.envelope(value, ActivityRecorded.EVENT_TYPE).data();
        } catch (MalformedEventException e) {
            throw new MalformedActivityException(e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        UUID activityId = uuid(data, "activityId", true, problems);
        UUID memberId = uuid(data, "memberId", true, problems);
        String type = text(data, "type");
        if (type == null || type.isBlank()) {
            problems.add("data.type is missing");
        }
        UUID groupId = uuid(data, "groupId", false, problems);
        Instant occurredAt = instant(data, "occurredAt", problems);
        Integer streakDays = count(data, "streakDays", problems);
        Integer priorOffences = count(data, "priorOffences", problems);
        if (!problems.isEmpty()) {
            throw new MalformedActivityException("invalid activity: " + String.join("; ", problems));
        }
        // phase and tier are passed through as text: values the table does not know match no row
        return new ActivityRecorded(activityId, memberId, type, groupId, occurredAt, text(data, "idempotencyKey"),
                streakDays, blankToNull(text(data, "campaignPhase")), blankToNull(text(data, "memberTier")), priorOffences);
    }

    private static String text(JsonNode node, String field) {
        return CloudEvents.text(node, field);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An optional whole number ≥ 0. */
    private static Integer count(JsonNode data, String field, List<String> problems) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            problems.add("data." + field + " is not a whole number >= 0: " + value);
            return null;
        }
        return value.asInt();
    }

    private static UUID uuid(JsonNode data, String field, boolean required, List<String> problems) {
        String value = text(data, field);
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add("data." + field + " is missing");
            }
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            problems.add("data." + field + " is not a UUID: '" + value + "'");
            return null;
        }
    }

    private static Instant instant(JsonNode data, String field, List<String> problems) {
        String value = text(data, field);
        if (value == null || value.isBlank()) {
            problems.add("data." + field + " is missing");
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            problems.add("data." + field + " is not an RFC 3339 timestamp: '" + value + "'");
            return null;
        }
    }
}
