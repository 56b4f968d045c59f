package io.qunyun.platform.events;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads consumed CloudEvents envelopes: the envelope is checked, its data bound to a payload record of this package
 * and checked with the record's Bean Validation constraints. Every defect becomes a reason fit for a dead-letter
 * header that names the field ({@code data.points is not a 32-bit integer: 2.5}), instead of a generic
 * deserialization failure. Binding is strict about JSON types (no "20" for 20, no 2.5 for an int, no 3 for a text):
 * what a consumer stores is what the producer sent. Unknown fields are ignored: events evolve by adding fields.
 */
public final class CloudEventReader {

    /** A structurally sound envelope: a JSON object of the expected type with a data object. */
    public record Envelope(JsonNode root, JsonNode data) {

        /** The envelope type (null when absent). */
        public String type() {
            return text(root, "type");
        }

        /** The envelope id (null when absent). */
        public String id() {
            return text(root, "id");
        }

        /** The envelope id, which consumers deduplicate on and derive decision ids from. */
        public String requireId() {
            String id = id();
            if (id == null || id.isBlank()) {
                throw new InvalidEventException("envelope has no id");
            }
            return id;
        }

        /** The envelope id as a UUID (the producers' ids are UUIDs). */
        public UUID requireUuidId() {
            String id = requireId();
            try {
                return CloudEventReader.uuid(id);
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException("id is not a UUID: " + id);
            }
        }

        /** The envelope time, null when absent. */
        public Instant time() {
            String time = text(root, "time");
            try {
                return time == null ? null : Instant.from(java.time.OffsetDateTime.parse(time));
            } catch (java.time.DateTimeException e) {
                throw new InvalidEventException("time is not an RFC 3339 date-time: " + time);
            }
        }
    }

    private final ObjectMapper mapper;
    private final Validator validator;

    /** @param mapper the service's mapper (its modules: java.time, ...); copied and made strict about JSON types */
    public CloudEventReader(ObjectMapper mapper, Validator validator) {
        this(mapper, validator, true);
    }

    /**
     * @param strictTypes false to bind data as the service's REST resources bind requests (the mapper's coercions, e.g.
     *                    "3" for 3), where Kafka and REST must accept the same inputs (rules-service's decisions)
     */
    public CloudEventReader(ObjectMapper mapper, Validator validator, boolean strictTypes) {
        this.mapper = strictTypes ? strict(mapper.copy()) : mapper;
        this.validator = validator;
    }

    /** A copy of the mapper that refuses to coerce between JSON types, and ignores unknown fields. */
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString }) {
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.EmptyString }) {
            mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString }) {
            mapper.coercionConfigFor(LogicalType.Float).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** The envelope of {@code value}, which must name {@code expectedType}. */
    public Envelope envelope(byte[] value, String expectedType) {
        return envelope(value, expectedType, true);
    }

    /**
     * The envelope of {@code value}.
     *
     * @param typeRequired false to accept an envelope that names no type (older publishers); one that names another
     *                     type is refused either way
     */
    public Envelope envelope(byte[] value, String expectedType, boolean typeRequired) {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("value is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEventException("value is not JSON: " + e.getMessage(), e);
        }
        return checked(root, expectedType, typeRequired);
    }

    /**
     * The envelope of {@code value}, whatever type it names or none: for a topic whose consumer skips the types it
     * does not read (check {@link Envelope#type()}).
     */
    public Envelope anyEnvelope(byte[] value) {
        return envelope(value, null, false);
    }

    /** {@link #anyEnvelope(byte[])} of a text value. */
    public Envelope anyEnvelope(String value) {
        return envelope(value, null, false);
    }

    /** {@link #envelope(byte[], String, boolean)} of a text value. */
    public Envelope envelope(String value, String expectedType, boolean typeRequired) {
        if (value == null || value.isEmpty()) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("value is not JSON: " + e.getOriginalMessage(), e);
        }
        return checked(root, expectedType, typeRequired);
    }

    private static Envelope checked(JsonNode root, String expectedType, boolean typeRequired) {
        if (root == null || root.isMissingNode()) {
            throw new InvalidEventException("empty record value");
        }
        if (!root.isObject()) {
            throw new InvalidEventException("value is not a JSON object");
        }
        JsonNode type = root.get("type");
        if (type == null || type.isNull()) {
            if (typeRequired) {
                throw new InvalidEventException("envelope has no type, expected " + expectedType);
            }
        } else if (expectedType != null && !expectedType.equals(type.asText())) {
            throw new InvalidEventException("unsupported event type " + type.asText() + ", expected " + expectedType);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("envelope has no data object");
        }
        return new Envelope(root, data);
    }

    /**
     * The envelope's data bound to {@code type} and checked with its constraints; every violation is named, sorted.
     *
     * @param what names the payload in the reason, e.g. "member growth": {@code invalid member growth: data.x ...}
     */
    public <T> T data(Envelope envelope, Class<T> type, String what) {
        T data;
        try {
            data = mapper.treeToValue(envelope.data(), type);
        } catch (JsonMappingException e) {
            throw new InvalidEventException("invalid " + what + ": " + bindingProblem(envelope.data(), e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("invalid " + what + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) { // thrown by a record's compact constructor
            throw new InvalidEventException("invalid " + what + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(data)) {
            problems.add("data." + violation.getPropertyPath() + " " + violation.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new InvalidEventException("invalid " + what + ": " + String.join("; ", problems));
        }
        return data;
    }

    /** The envelope and its data in one call: {@link #envelope(byte[], String, boolean)} then {@link #data}. */
    public <T> CloudEvent<T> read(byte[] value, String expectedType, boolean typeRequired, Class<T> type, String what) {
        Envelope envelope = envelope(value, expectedType, typeRequired);
        T data = data(envelope, type, what);
        return new CloudEvent<>(text(envelope.root(), "specversion"), envelope.id(), text(envelope.root(), "type"),
                text(envelope.root(), "source"), null, text(envelope.root(), "subject"),
                text(envelope.root(), "datacontenttype"), data);
    }

    /** Serializes an envelope with the service's mapper settings. */
    public String toJson(CloudEvent<?> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.type() + " " + event.id(), e);
        }
    }

    /** A UUID in its canonical form only: {@code UUID.fromString} also takes shortened forms such as "1-2-3-4-5". */
    public static UUID uuid(String text) {
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not canonical: " + text);
        }
        return uuid;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** "data.points is not a 32-bit integer: 2.5": the field, what it should be, and what it is. */
    private static String bindingProblem(JsonNode data, JsonMappingException e) {
        StringBuilder path = new StringBuilder("data");
        JsonNode value = data;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
                value = value == null ? null : value.get(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
                value = value == null ? null : value.get(ref.getIndex());
            }
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == null || value == null) {
            return path + " has the wrong type or value (" + e.getOriginalMessage() + ")";
        }
        boolean fromText = target == UUID.class || Temporal.class.isAssignableFrom(target) || target.isEnum();
        String shown = fromText && value.isTextual() ? value.asText() : value.toString();
        return path + " is not " + kind(target) + ": " + shown;
    }

    private static String kind(Class<?> target) {
        if (target == Integer.class || target == int.class) {
            return "a 32-bit integer";
        } else if (target == Long.class || target == long.class) {
            return "a 64-bit integer";
        } else if (target == Double.class || target == double.class || Number.class.isAssignableFrom(target)) {
            return "a number";
        } else if (target == Boolean.class || target == boolean.class) {
            return "a boolean";
        } else if (target == String.class) {
            return "a string";
        } else if (target == UUID.class) {
            return "a UUID";
        } else if (Temporal.class.isAssignableFrom(target)) {
            return "an RFC 3339 " + (target == java.time.LocalDate.class ? "date" : "date-time");
        } else if (target.isEnum()) {
            return "one of " + Arrays.toString(target.getEnumConstants());
        } else if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        } else if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "an object";
        }
        return "a " + target.getSimpleName();
    }
}
