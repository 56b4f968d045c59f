package io.qunyun.rules.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


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
        return UUID.nameUUIDFromBytes((decision + ":" + inputEventId).getBytes(StandardCharsets.UTF_8));
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
