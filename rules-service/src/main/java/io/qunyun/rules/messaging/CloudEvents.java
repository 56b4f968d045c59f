package io.qunyun.rules.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;


/**
 * Reading and writing CloudEvents envelopes (docs/events.md) by hand, so every defect of a consumed
 * record yields a readable dead-letter reason instead of a generic deserialization failure.
 */
@ApplicationScoped
public class CloudEvents {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /** A structurally sound envelope of the expected type; {@code id} may still be missing. */
    public record Envelope(String id, JsonNode data) {

        /** The envelope id, which decision ids are derived from. */
        public String requireId() {
            if (id == null || id.isBlank()) {
                throw new MalformedEventException("envelope has no id");
            }
            return id;
        }
    }

    /** An envelope bound in one pass: its id and its data, bound to a record. */
    public record Bound<T>(String id, String type, T data) {
    }

    /** A reader that binds a whole envelope with data of {@code dataType}, ignoring the fields no check reads. */
    public ObjectReader envelopeReader(ObjectMapper withMapper, Class<?> dataType) {
        return withMapper.readerFor(withMapper.getTypeFactory().constructParametricType(Bound.class, dataType))
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** {@link #envelopeReader(ObjectMapper, Class)} with this service's mapper, the one {@link #data} binds with. */
    public ObjectReader envelopeReader(Class<?> dataType) {
        return envelopeReader(mapper, dataType);
    }

    /**
     * The fast way to read a record: the value bound straight to an envelope record by {@code reader} (no tree), when
     * it is an envelope of {@code expectedType} with an id and a data object that binds without an error; otherwise
     * null, and the caller reads the record with {@link #envelope} and {@link #data}, which say what is wrong. Only
     * those give reasons: a record either binds here to what they would have read, or is read by them.
     */
    public <T> Bound<T> bindOrNull(String value, String expectedType, ObjectReader reader) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Bound<T> bound;
        try {
            bound = reader.readValue(value);
        } catch (IOException | RuntimeException e) {
            return null; // the slow way names the defect
        }
        if (bound == null || !expectedType.equals(bound.type()) || bound.id() == null || bound.id().isBlank()
                || bound.data() == null) {
            return null;
        }
        return bound;
    }

    /** Checks that the value is a JSON object of the expected event type with a data object. */
    public Envelope envelope(String value, String expectedType) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("empty record value");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("value is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("value is not a JSON object");
        }
        String eventType = text(root, "type");
        if (!expectedType.equals(eventType)) {
            throw new MalformedEventException("unsupported event type '" + eventType + "', expected " + expectedType);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("envelope has no data object");
        }
        return new Envelope(text(root, "id"), data);
    }

    /**
     * Binds the envelope's data to {@code type} and checks it with the type's Bean Validation
     * constraints (messaging payload records carry the same constraints as the REST requests, so Kafka
     * and REST accept the same inputs).
     *
     * @param what names the payload in the reason, e.g. "member growth"
     */
    public <T> T data(Envelope envelope, Class<T> type, String what) {
        T data;
        try {
            data = mapper.treeToValue(envelope.data(), type);
        } catch (JsonMappingException e) {
            throw new MalformedEventException("invalid " + what + ": data." + jsonPath(e)
                    + " has the wrong type or value (" + e.getOriginalMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("invalid " + what + ": " + e.getOriginalMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(data)) {
            problems.add("data." + violation.getPropertyPath() + " " + violation.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new MalformedEventException("invalid " + what + ": " + String.join("; ", problems));
        }
        return data;
    }

    public String toJson(CloudEvent<?> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize event " + event.id(), e);
        }
    }

    /** Name-based id of the decision about one consumed event: replays yield the same id. */
    public static UUID decisionId(String decision, String inputEventId) {
        return nameUuid(decision + ":" + inputEventId);
    }

    /** One MD5 digest per thread: {@code MessageDigest.getInstance} per record cost more than the digest itself. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalError("MD5 not supported", e); // as UUID.nameUUIDFromBytes: every JDK has it
        }
    });

    /**
     * {@code UUID.nameUUIDFromBytes(name in UTF-8)} (a version 3, name-based UUID), computed with this thread's digest
     * instead of looking one up per call.
     */
    public static UUID nameUuid(String name) {
        byte[] md5 = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8)); // digest() resets it for the next call
        md5[6] &= 0x0f; // version 3
        md5[6] |= 0x30;
        md5[8] &= 0x3f; // IETF variant
        md5[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (md5[i] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Dotted path of the data field a binding error is about ({@code body} for the whole document). */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
