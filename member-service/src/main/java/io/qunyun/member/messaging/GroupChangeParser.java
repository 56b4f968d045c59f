package io.qunyun.member.messaging;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.member.domain.CommunityGroup;

/**
 * Reads an io.qunyun.campaign.group.changed.v1 envelope (docs/events.md) into the group replica row.
 * Unknown fields are ignored; a record the replica cannot hold faithfully is rejected with a reason.
 */
@ApplicationScoped
public class GroupChangeParser {

    public static final String EVENT_TYPE = "io.qunyun.campaign.group.changed.v1";
    /** Contract: a group without a time zone lives in China Standard Time. */
    static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    private final ObjectMapper json;

    public GroupChangeParser(ObjectMapper json) {
        this.json = json;
    }

    public CommunityGroup parse(byte[] value) throws InvalidDecisionException {
        if (value == null || value.length == 0) {
            throw new InvalidDecisionException("empty record value");
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(value);
        } catch (IOException e) {
            throw new InvalidDecisionException("value is not JSON: " + e.getMessage(), e);
        }
        if (envelope == null || !envelope.isObject()) {
            throw new InvalidDecisionException("value is not a JSON object");
        }
        String type = text(envelope, "type", false);
        if (type != null && !EVENT_TYPE.equals(type)) {
            throw new InvalidDecisionException("unsupported event type " + type);
        }
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidDecisionException("data is missing or not an object");
        }
        CommunityGroup group = new CommunityGroup();
        group.id = uuid(data, "groupId", true);
        group.name = limited(text(data, "name", true), "name", 200);
        group.type = limited(text(data, "type", false), "type", 32);
        String zone = text(data, "timeZone", false);
        group.timeZone = zone == null ? DEFAULT_TIME_ZONE : zone;
        try {
            ZoneId.of(group.timeZone);
        } catch (DateTimeException e) {
            throw new InvalidDecisionException("timeZone is not an IANA time zone id: " + group.timeZone);
        }
        JsonNode screening = data.get("screeningRequired");
        if (screening != null && !screening.isNull() && !screening.isBoolean()) {
            throw new InvalidDecisionException("screeningRequired is not a boolean: " + screening);
        }
        group.screeningRequired = screening != null && screening.booleanValue();
        JsonNode lifespan = data.get("lifespanHours");
        if (lifespan != null && !lifespan.isNull()) {
            if (!lifespan.isIntegralNumber() || !lifespan.canConvertToInt() || lifespan.intValue() < 0) {
                throw new InvalidDecisionException("lifespanHours is not a whole number of hours: " + lifespan);
            }
            group.lifespanHours = lifespan.intValue();
        }
        group.state = limited(text(data, "state", true), "state", 32);
        group.successorGroupId = uuid(data, "successorGroupId", false);
        String occurred = text(data, "occurredAt", false);
        if (occurred == null) {
            occurred = text(envelope, "time", false);
        }
        if (occurred == null) {
            throw new InvalidDecisionException("occurredAt is missing");
        }
        group.updatedAt = instant(occurred);
        return group;
    }

    private static Instant instant(String text) throws InvalidDecisionException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidDecisionException("occurredAt is not an RFC 3339 date-time: " + text);
        }
    }

    private static UUID uuid(JsonNode node, String field, boolean required) throws InvalidDecisionException {
        String text = text(node, field, required);
        if (text == null) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new InvalidDecisionException(field + " is not a UUID: " + text);
        }
    }

    private static String text(JsonNode node, String field, boolean required) throws InvalidDecisionException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidDecisionException(field + " is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidDecisionException(field + " is not a string");
        }
        String text = value.asText();
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidDecisionException(field + " contains a NUL character");
        }
        if (required && text.isBlank()) {
            throw new InvalidDecisionException(field + " is blank");
        }
        return text;
    }

    private static String limited(String text, String field, int max) throws InvalidDecisionException {
        if (text != null && text.length() > max) {
            throw new InvalidDecisionException(field + " is longer than " + max + " characters");
        }
        return text;
    }
}
