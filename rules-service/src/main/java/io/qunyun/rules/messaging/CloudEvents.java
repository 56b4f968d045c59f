package io.qunyun.rules.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.qunyun.platform.events.CloudEvent;
import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.InvalidEventException;

/**
 * Reading and writing CloudEvents envelopes (docs/events.md) for the decision processors: the platform's
 * {@link CloudEventReader} names every defect of a consumed record in its dead-letter reason; in front of it, the
 * one-pass binding the hot processors need (docs/performance-log.md, "Kafka processors"), and the name-based decision ids.
 * Data binds as the REST requests do (the service's mapper, its coercions): Kafka and REST accept the same inputs.
 */
@ApplicationScoped
public class CloudEvents {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    private CloudEventReader reader;

    @PostConstruct
    void init() {
        reader = new CloudEventReader(mapper, validator, false);
    }

    /** An envelope bound in one pass: its id and its data, bound to a record. */
    public record Bound<T>(String id, String type, T data) {
    }

    /** A reader that binds a whole envelope with data of {@code dataType}, ignoring the fields no check reads. */
    public ObjectReader envelopeReader(ObjectMapper withMapper, Class<?> dataType) {
        return withMapper.readerFor(withMapper.getTypeFactory().constructParametricType(Bound.class, dataType))
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // events stay lenient; only REST is strict
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
    public CloudEventReader.Envelope envelope(String value, String expectedType) {
        try {
            return reader.envelope(value, expectedType, true);
        } catch (InvalidEventException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    /** The envelope's id, which decision ids are derived from. */
    public static String requireId(CloudEventReader.Envelope envelope) {
        try {
            return envelope.requireId();
        } catch (InvalidEventException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    /**
     * Binds the envelope's data to {@code type} and checks it with the type's Bean Validation
     * constraints (messaging payload records carry the same constraints as the REST requests, so Kafka
     * and REST accept the same inputs).
     *
     * @param what names the payload in the reason, e.g. "member growth"
     */
    public <T> T data(CloudEventReader.Envelope envelope, Class<T> type, String what) {
        try {
            return reader.data(envelope, type, what);
        } catch (InvalidEventException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    public String toJson(CloudEvent<?> event) {
        return reader.toJson(event);
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
}
