package io.qunyun.rules.messaging;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.qunyun.platform.events.ActivityRecorded;

/**
 * Reads and validates an activity envelope. A sound record is bound in one pass to {@link Data} and checked there
 * (no JSON tree); any other is read again by hand (envelope checks in {@link CloudEvents}), so every defect yields a
 * readable reason instead of a generic deserialization failure. The two ways accept the same records with the same
 * values: the fast one gives up (and the hand-written one decides) on anything it is not sure about.
 */
@ApplicationScoped
public class ActivityEventReader {

    @Inject
    CloudEvents envelopes;

    @Inject
    ObjectMapper mapper;

    /** The data of a sound activity as it is sent: text as text, counts as JSON whole numbers. */
    record Data(String activityId, String memberId, String type, String groupId, String occurredAt, String idempotencyKey,
            Integer streakDays, String campaignPhase, String memberTier, Integer priorOffences) {
    }

    private ObjectReader fast;

    @PostConstruct
    void init() {
        // By default Jackson binds 1.50 to the text "1.50" (the hand-written reader reads "1.5") and "3" or 3.0 to the
        // count 3 (which the hand-written reader rejects). Here such values fail to bind, and the hand-written reader
        // decides about the record.
        ObjectMapper strict = mapper.copy();
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean }) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.String, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString }) {
            strict.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
        }
        fast = envelopes.envelopeReader(strict, Data.class);
    }

    public ActivityRecorded read(String value) {
        ActivityRecorded activity = bound(value);
        return activity != null ? activity : readByHand(value);
    }

    /** The activity bound in one pass; null when the record has to be read by hand. */
    public ActivityRecorded bound(String value) {
        CloudEvents.Bound<Data> bound = envelopes.bindOrNull(value, ActivityRecorded.EVENT_TYPE, fast);
        return bound == null ? null : sound(bound.data());
    }

    /** The activity when every check of {@link #readByHand} passes on {@code data}; null when one would not. */
    static ActivityRecorded sound(Data data) {
        try {
            if (data.activityId() == null || data.memberId() == null || data.type() == null || data.type().isBlank()
                    || data.occurredAt() == null || negative(data.streakDays()) || negative(data.priorOffences())) {
                return null;
            }
            UUID groupId = data.groupId() == null || data.groupId().isBlank() ? null : UUID.fromString(data.groupId());
            // an id or instant that does not parse throws: the hand-written reader names it
            return new ActivityRecorded(UUID.fromString(data.activityId()), UUID.fromString(data.memberId()), data.type(),
                    groupId, instant(data.occurredAt()), data.idempotencyKey(), data.streakDays(),
                    blankToNull(data.campaignPhase()), blankToNull(data.memberTier()), data.priorOffences());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean negative(Integer count) {
        return count != null && count < 0;
    }

    /** Reads the record node by node, collecting every defect in the reason: the reference {@link #read} agrees with. */
    public ActivityRecorded readByHand(String value) {
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
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
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
            return instant(value);
        } catch (DateTimeParseException e) {
            problems.add("data." + field + " is not an RFC 3339 timestamp: '" + value + "'");
            return null;
        }
    }

    /**
     * {@code OffsetDateTime.parse(value).toInstant()}, which took a seventh of the reward processor's time: the common shape
     * {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} is read digit by digit, anything else (other offsets, no seconds, lower case,
     * an impossible date) by {@code OffsetDateTime.parse}, which also gives the error.
     */
    static Instant instant(String value) {
        int n = value.length();
        if (n >= 20 && value.charAt(n - 1) == 'Z' && value.charAt(4) == '-' && value.charAt(7) == '-'
                && value.charAt(10) == 'T' && value.charAt(13) == ':' && value.charAt(16) == ':') {
            int year = digits(value, 0, 4);
            int month = digits(value, 5, 7);
            int day = digits(value, 8, 10);
            int hour = digits(value, 11, 13);
            int minute = digits(value, 14, 16);
            int second = digits(value, 17, 19);
            int nanos = 0;
            boolean shaped = year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0;
            if (n > 20) { // a fraction of 1 to 9 digits
                int fraction = n - 21;
                shaped &= value.charAt(19) == '.' && fraction >= 1 && fraction <= 9;
                int f = shaped ? digits(value, 20, n - 1) : -1;
                shaped &= f >= 0;
                if (shaped) {
                    nanos = f;
                    for (int i = fraction; i < 9; i++) {
                        nanos *= 10;
                    }
                }
            } else {
                shaped &= n == 20;
            }
            if (shaped) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // out of range (month 13, 30 February, hour 24): the parser below says so
                }
            }
        }
        return OffsetDateTime.parse(value).toInstant();
    }

    /** The number written by the ASCII digits from {@code from} to {@code to} (exclusive); -1 when one is not a digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
