package io.qunyun.campaign.lifecycle;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.campaign.messaging.ActivityEventConsumer;
import io.qunyun.campaign.persistence.Jdbc;
import io.qunyun.campaign.domain.lifecycle.Roster;
import io.qunyun.campaign.rules.RulesClient;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HDecision;
import io.qunyun.campaign.domain.CampaignRules.PositioningDecision;
import io.qunyun.testkit.KafkaBrokerResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * member-activities consumed a poll at a time (issue 11): the group activities of a poll are stored
 * once each, with the group's local day and staff flag, in one transaction; a poison record goes to
 * member-activities-dlq with its reason without holding back the rest; a poll read again (a crash
 * before the offsets were committed) stores nothing twice.
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "test", roles = "admin")
class ActivityBatchTest {

    @InjectMock
    @RestClient
    RulesClient rules;

    @Inject
    ActivityEventConsumer consumer;

    @Inject
    Roster roster;

    @Inject
    Jdbc jdbc;

    @BeforeEach
    void mocks() {
        when(rules.positioning(any())).thenReturn(new PositioningDecision("CONVERSION", 720, "HIGH", "TRANSACTION",
                "GroupPositioning", "sha256:camp", List.of("P02 camp")));
        when(rules.fiveW1H(any())).thenReturn(new FiveW1HDecision(false, List.of(), "FiveW1H", "sha256:bb", List.of()));
    }

    static String group(String timeZone) {
        return given().contentType(ContentType.JSON).body("""
                {"name": "批量 %s", "platform": "WECOM", "aidass": {"from": "DESIRE", "to": "ACTION"},
                 "timeZone": "%s",
                 "fiveW1H": {"why": "grow", "what": "group", "who": "parents", "when": {"lifecycleHours": 800},
                             "how": "IN_GROUP_CONVERSION"}}""".formatted(timeZone, timeZone))
                .post("/groups").then().statusCode(201).extract().path("id");
    }

    static String activity(String id, String groupId, Object member, String type, String occurredAt, String amount) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.qunyun.member.activity.recorded.v1","source":"/member-service",
                 "subject":"%s","data":{"activityId":"%s","memberId":"%s","type":"%s",%s"occurredAt":"%s"%s}}"""
                .formatted(id, member, id, member, type, groupId == null ? "" : "\"groupId\":\"" + groupId + "\",",
                        occurredAt, amount == null ? "" : ",\"attributes\":{\"amount\":\"" + amount + "\",\"currency\":\"CNY\"}");
    }

    /** What a poll of one partition hands the consumer. */
    static ConsumerRecords<String, byte[]> poll(List<String[]> keyAndValue) {
        TopicPartition partition = new TopicPartition("member-activities", 0);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long offset = 1_000_000;
        for (String[] kv : keyAndValue) {
            records.add(new ConsumerRecord<>(partition.topic(), partition.partition(), offset++, kv[0],
                    kv[1].getBytes(StandardCharsets.UTF_8)));
        }
        return new ConsumerRecords<>(Map.of(partition, records));
    }

    /** event id -> "kind|staff|local day|amount" of the stored facts among these event ids. */
    Map<String, String> facts(Set<String> eventIds) {
        Map<String, String> out = new TreeMap<>();
        for (String[] row : jdbc.query("""
                SELECT event_id, kind || '|' || staff || '|' || local_day || '|' || coalesce(amount::text, '-')
                FROM group_fact WHERE event_id = ANY (?)""", rs -> new String[] { rs.getString(1), rs.getString(2) },
                (Object) eventIds.toArray(String[]::new))) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    Map<String, Instant> receivedAt(Set<String> eventIds) {
        Map<String, Instant> out = new TreeMap<>();
        for (Object[] row : jdbc.query("SELECT event_id, received_at FROM group_fact WHERE event_id = ANY (?)",
                rs -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant() },
                (Object) eventIds.toArray(String[]::new))) {
            out.put((String) row[0], (Instant) row[1]);
        }
        return out;
    }

    static KafkaCompanion kafka() {
        return KafkaBrokerResource.companion();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aPollStoresItsGroupFactsOnceAndDeadLettersItsPoisonRecordsWithTheirReasons() throws Exception {
        String newYork = group("America/New_York");
        String unknownGroup = UUID.randomUUID().toString(); // not (yet) known here: the default zone, Asia/Shanghai
        UUID m1 = UUID.randomUUID(), m2 = UUID.randomUUID(), m3 = UUID.randomUUID(), staff = UUID.randomUUID();
        roster.memberJoined(UUID.randomUUID(), UUID.fromString(newYork), staff, true, "CORE",
                Instant.parse("2027-05-01T00:00:00Z"));
        String checkIn = UUID.randomUUID().toString(), purchase = UUID.randomUUID().toString(),
                staffPost = UUID.randomUUID().toString(), outside = UUID.randomUUID().toString(),
                otherType = UUID.randomUUID().toString();
        String poisonKey = "poison-" + UUID.randomUUID();
        String notJson = "{\"id\": \"broken";
        String badDate = activity(UUID.randomUUID().toString(), newYork, m1, "CHECK_IN", "yesterday", null);
        String noMember = activity(UUID.randomUUID().toString(), newYork, m1, "SHARE", "2027-06-01T02:00:00Z", null)
                .replace("\"memberId\":\"" + m1 + "\",", "");
        String checkInRecord = activity(checkIn, newYork, m1, "CHECK_IN", "2027-06-01T02:00:00Z", null);
        ConsumerRecords<String, byte[]> poll = poll(List.of(
                // 22:00 on 31 May in New York
                new String[] { m1.toString(), checkInRecord },
                new String[] { m2.toString(), activity(outside, null, m2, "CHECK_IN", "2027-06-01T02:00:00Z", null) },
                new String[] { poisonKey, notJson },
                // 01:00 on 2 June in Shanghai
                new String[] { m3.toString(), activity(purchase, unknownGroup, m3, "PURCHASE", "2027-06-01T17:00:00Z", "19.90") },
                new String[] { poisonKey, badDate },
                new String[] { staff.toString(), activity(staffPost, newYork, staff, "CONTENT_POST", "2027-06-01T03:00:00Z", null) },
                new String[] { m1.toString(), checkInRecord }, // the same event twice in one poll
                new String[] { m2.toString(), activity(otherType, newYork, m2, "CHECK_IN", "2027-06-01T02:00:00Z", null)
                        .replace("activity.recorded.v1", "activity.corrected.v1") },
                new String[] { poisonKey, noMember }));
        Set<String> ids = Set.of(checkIn, purchase, staffPost, outside, otherType);

        try (KafkaCompanion kafka = kafka()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics("member-activities-dlq",
                    records -> records.filter(r -> poisonKey.equals(r.key())));
            consumer.consume(poll);

            assertEquals(Map.of(
                    checkIn, "CHECK_IN|false|2027-05-31|-",
                    purchase, "PURCHASE|false|2027-06-02|19.90",
                    staffPost, "CONTENT_POST|true|2027-05-31|-"), facts(ids),
                    "the group activities once each; the one outside a group and the other event type not at all");

            deadLetters.awaitRecords(3, Duration.ofSeconds(30));
            Map<String, ConsumerRecord<String, String>> byValue = deadLetters.getRecords().stream()
                    .collect(Collectors.toMap(ConsumerRecord::value, r -> r, (a, b) -> a));
            assertEquals(Set.of(notJson, badDate, noMember), byValue.keySet(), "each poison record, unchanged");
            assertTrue(header(byValue.get(notJson), "dead-letter-reason").startsWith("value is not JSON"),
                    header(byValue.get(notJson), "dead-letter-reason"));
            assertEquals("invalid activity: data.occurredAt is not an RFC 3339 date-time: yesterday",
                    header(byValue.get(badDate), "dead-letter-reason"));
            assertEquals("data.memberId is missing", header(byValue.get(noMember), "dead-letter-reason"));
            assertEquals("1000002", header(byValue.get(notJson), "dead-letter-offset"));
            assertEquals("member-activities", header(byValue.get(notJson), "dead-letter-topic"));
            assertEquals("0", header(byValue.get(notJson), "dead-letter-partition"));
            deadLetters.stop();
        }

        // read again (the offsets were not committed before a crash): nothing is stored twice or changed
        Map<String, Instant> first = receivedAt(ids);
        given().contentType(ContentType.JSON).body(Map.of("duration", "PT1H")).post("/clock/advance").then()
                .statusCode(200);
        consumer.consume(poll);
        assertEquals(first, receivedAt(ids));
        assertEquals(1L, jdbc.one("SELECT count(*) FROM group_fact WHERE event_id = ?", rs -> rs.getLong(1), checkIn)
                .orElseThrow());
    }

    @Test
    void overTheBrokerAPollWithOnlyOtherActivitiesAndAPoisonRecordHoldsNothingBack() {
        String shanghai = group("Asia/Shanghai");
        UUID member = UUID.randomUUID();
        String key = member.toString();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(new ProducerRecord<>("member-activities", key,
                    activity(UUID.randomUUID().toString(), null, member, "CHECK_IN", "2027-06-01T02:00:00Z", null)));
        }
        String poison = "not json at all " + UUID.randomUUID();
        records.add(new ProducerRecord<>("member-activities", key, poison));
        String inGroup = UUID.randomUUID().toString();
        records.add(new ProducerRecord<>("member-activities", key,
                activity(inGroup, shanghai, member, "SHARE", "2027-06-01T02:00:00Z", null)));
        try (KafkaCompanion kafka = kafka()) {
            ConsumerTask<String, String> deadLetters = kafka.consumeStrings().fromTopics("member-activities-dlq",
                    r -> r.filter(x -> key.equals(x.key())));
            kafka.produceStrings().fromRecords(records).awaitCompletion();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> facts(Set.of(inGroup)).equals(Map.of(inGroup, "SHARE|false|2027-06-01|-")));
            deadLetters.awaitRecords(1, Duration.ofSeconds(30));
            assertEquals(poison, deadLetters.getRecords().get(0).value());
            assertTrue(header(deadLetters.getRecords().get(0), "dead-letter-reason").startsWith("value is not JSON"));
            deadLetters.stop();
        }
    }
}
