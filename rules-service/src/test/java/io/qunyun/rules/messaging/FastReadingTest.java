package io.qunyun.rules.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The consumers' shortcuts agree with the readings they shortcut (docs/performance-log.md, "Kafka processors"): an activity
 * bound in one pass equals the hand-written reading, or the record is read by hand and rejected with the same reason;
 * the timestamp shortcut equals {@code OffsetDateTime.parse}; the name-based ids equal {@code UUID.nameUUIDFromBytes};
 * {@code MemberGrowth.withinConstraints} equals Bean Validation.
 */
@QuarkusTest
class FastReadingTest {

    static final String ACTIVITY = """
            {"specversion":"1.0","id":"7c4e2a10-5b3d-4f8e-a1c2-3d4e5f6a7b8c","type":"io.qunyun.member.activity.recorded.v1",
             "source":"/crm/youzan","time":"2026-11-21T09:00:00Z","subject":"5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33",
             "datacontenttype":"application/json",
             "data":{"activityId":"7c4e2a10-5b3d-4f8e-a1c2-3d4e5f6a7b8c","memberId":"5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33",
                     "type":"AD_SPAM","groupId":"9a1e5c7b-2d4f-4e8a-b6c3-1f0d2e3a4b5c","occurredAt":"2026-11-21T08:59:12Z",
                     "idempotencyKey":"k-1","streakDays":3,"campaignPhase":"BUILD_UP","memberTier":"SILVER","priorOffences":2}}""";

    /** Values each data field is tried with (JSON text), besides its own. */
    static final List<String> VALUES = List.of("null", "\"\"", "\"  \"", "0", "-1", "3", "1.50", "3.0", "1e2", "true",
            "\"3\"", "\" SILVER \"", "{}", "[]", "[\"x\"]", "2147483648", "\"not-a-uuid\"", "\"1-1-1-1-1\"",
            "\"5D2C7A8E-3F0B-4C1A-9F7E-2B6D1E9A4C33\"", "\"2026-11-21T08:59:12.5Z\"", "\"2026-11-21T08:59:12+08:00\"",
            "\"2026-02-30T08:59:12Z\"");

    static final List<String> FIELDS = List.of("activityId", "memberId", "type", "groupId", "occurredAt", "idempotencyKey",
            "streakDays", "campaignPhase", "memberTier", "priorOffences");

    @Inject
    ActivityEventReader reader;

    @Inject
    Validator validator;

    @Inject
    CloudEvents events;

    @Test
    void anActivityReadsTheSameEitherWay() {
        List<String> records = new ArrayList<>(List.of(ACTIVITY, "", "  ", "null", "[]", "42", "not JSON", "{}",
                "{\"type\":\"io.qunyun.member.activity.recorded.v1\"}",
                "{\"type\":\"io.qunyun.member.activity.recorded.v1\",\"data\":\"x\"}",
                ACTIVITY.replace("\"type\":\"io.qunyun.member.activity.recorded.v1\"", "\"type\":\"other\""),
                ACTIVITY.replace("\"id\":\"7c4e2a10-5b3d-4f8e-a1c2-3d4e5f6a7b8c\",", ""),
                ACTIVITY.replace("\"id\":\"7c4e2a10-5b3d-4f8e-a1c2-3d4e5f6a7b8c\"", "\"id\":7"),
                ACTIVITY.replace("\"data\":{", "\"data\":{\"extra\":{\"nested\":[1,2]},"),
                ACTIVITY + " trailing"));
        for (String field : FIELDS) {
            String original = "\"" + field + "\":" + fieldValue(field);
            records.add(ACTIVITY.replace(original + ",", "").replace("," + original, "")); // field missing
            for (String value : VALUES) {
                records.add(ACTIVITY.replace(original, "\"" + field + "\":" + value));
            }
        }
        int bound = 0;
        for (String record : records) {
            assertEquals(outcome(() -> reader.readByHand(record)), outcome(() -> reader.read(record)), record);
            bound += reader.bound(record) == null ? 0 : 1;
        }
        assertNotNull(reader.bound(ACTIVITY), "a sound activity is bound in one pass");
        assertTrue(bound > 20, bound + " of " + records.size() + " bound in one pass");
    }

    @Test
    void aSoundGrowthRecordIsBoundInOnePass() throws Exception {
        String growth = new String(getClass().getResourceAsStream("/events/member-growth-changed.json").readAllBytes(),
                StandardCharsets.UTF_8);
        CloudEvents.Bound<MemberGrowth> bound = events.bindOrNull(growth, TierDecisionProcessor.GROWTH_EVENT_TYPE,
                events.envelopeReader(MemberGrowth.class));
        assertNotNull(bound);
        io.qunyun.platform.events.CloudEventReader.Envelope envelope = events.envelope(growth, TierDecisionProcessor.GROWTH_EVENT_TYPE);
        assertEquals(envelope.requireId(), bound.id());
        assertEquals(events.data(envelope, MemberGrowth.class, "member growth"), bound.data());
        assertTrue(bound.data().withinConstraints());
    }

    static String fieldValue(String field) {
        int at = ACTIVITY.indexOf("\"" + field + "\":") + field.length() + 3;
        int end = at;
        while (ACTIVITY.charAt(end) != ',' && ACTIVITY.charAt(end) != '}') {
            end++;
        }
        return ACTIVITY.substring(at, end);
    }

    static Object outcome(Supplier<?> reading) {
        try {
            return reading.get();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test
    void theTimestampShortcutIsOffsetDateTimeParse() {
        List<String> values = new ArrayList<>(List.of("2026-11-21T08:59:12Z", "2026-11-21T08:59:12.1Z",
                "2026-11-21T08:59:12.123456789Z", "2026-11-21T08:59:12.1234567890Z", "2026-11-21T08:59:12.Z",
                "2026-11-21t08:59:12Z", "2026-11-21T08:59:12z", "2026-11-21T08:59Z", "2026-11-21T08:59:12+08:00",
                "2026-11-21T08:59:12-00:30", "2024-02-29T00:00:00Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-00-10T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T23:60:00Z",
                "2026-11-21T23:59:60Z", "0000-01-01T00:00:00Z", "+12026-11-21T08:59:12Z", "2026-1-21T08:59:12Z",
                "2026-11-21 08:59:12Z", "2026-11-21T08:59:12", "2026-11-21T08:59:1xZ", "２０２６-11-21T08:59:12Z",
                "2026-11-21T08:59:12.12a4Z", "9999-12-31T23:59:59.999999999Z"));
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            values.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d%sZ", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
                    random.nextBoolean() ? "" : "." + String.format("%09d", random.nextInt(1_000_000_000)).substring(0, 1 + random.nextInt(9))));
        }
        for (String value : values) {
            assertEquals(outcome(() -> OffsetDateTime.parse(value).toInstant()), outcome(() -> ActivityEventReader.instant(value)),
                    value);
        }
    }

    @Test
    void nameBasedIdsAreThoseOfTheJdk() {
        Random random = new Random(12);
        List<String> names = new ArrayList<>(List.of("", "reward:", "tier:群运", "group-health:" + "x".repeat(1_000)));
        for (int i = 0; i < 2_000; i++) {
            names.add("reward:" + new UUID(random.nextLong(), random.nextLong()));
        }
        for (String name : names) {
            assertEquals(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), CloudEvents.nameUuid(name), name);
        }
    }

    @Test
    void withinConstraintsIsBeanValidation() {
        // the check mirrors exactly these constraints: a new one must be added to MemberGrowth.withinConstraints too
        Map<String, Set<String>> constraints = new TreeMap<>();
        validator.getConstraintsForClass(MemberGrowth.class).getConstrainedProperties().forEach(property -> constraints.put(
                property.getPropertyName(), property.getConstraintDescriptors().stream().map(ConstraintDescriptor::getAnnotation)
                        .map(a -> a.annotationType().getSimpleName()).collect(Collectors.toCollection(java.util.TreeSet::new))));
        assertEquals(Map.of("memberId", Set.of("NotNull"), "purchases", Set.of("NotNull", "PositiveOrZero"),
                "contentPoints", Set.of("NotNull", "PositiveOrZero"), "behaviourPoints", Set.of("NotNull", "PositiveOrZero")),
                constraints);
        Integer[] counts = { null, -1, 0, 7, Integer.MAX_VALUE, Integer.MIN_VALUE };
        for (UUID member : new UUID[] { null, UUID.randomUUID() }) {
            for (Integer purchases : counts) {
                for (Integer content : counts) {
                    for (Integer behaviour : counts) {
                        MemberGrowth growth = new MemberGrowth(member, purchases, content, behaviour, null);
                        assertEquals(validator.validate(growth).isEmpty(), growth.withinConstraints(), growth.toString());
                    }
                }
            }
        }
    }
}
