package io.qunyun.member.messaging;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads consumed CloudEvents envelopes field by field, with reasons fit for a dead-letter header. */
final class EventReader {

    private EventReader() {
    }

    /** The envelope, checked to be an object of {@code expectedType} (when it names a type) with data. */
    static JsonNode envelope(ObjectMapper json, byte[] value, String expectedType) throws InvalidEventException {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(value);
        } catch (IOException e) {
            throw new InvalidEventException("value is not JSON: " + e.getMessage(), e);
        }
        if (envelope == null || !envelope.isObject()) {
            throw new InvalidEventException("value is not a JSON object");
        }
        String type = text(envelope, "type", false);
        if (type != null && !expectedType.equals(type)) {
            throw new InvalidEventException("unsupported event type " + type);
        }
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("data is missing or not an object");
        }
        return envelope;
    }

    static UUID uuid(JsonNode node, String field, boolean required) throws InvalidEventException {
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
            throw new InvalidEventException(field + " is not a UUID: " + text);
        }
    }

    static String text(JsonNode node, String field, boolean required) throws InvalidEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidEventException(field + " is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEventException(field + " is not a string");
        }
        if (value.asText().indexOf('\u0000') >= 0) {
            throw new InvalidEventException(field + " contains a NUL character");
        }
        return value.asText();
    }

    static Instant instant(JsonNode node, String field, boolean required) throws InvalidEventException {
        String text = text(node, field, required);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an RFC 3339 date-time: " + text);
        }
    }

    static Integer integer(JsonNode node, String field, boolean required) throws InvalidEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidEventException(field + " is missing");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidEventException(field + " is not a 32-bit integer: " + value);
        }
        return value.intValue();
    }
}
