package io.qunyun.member;

import static io.qunyun.member.MemberResourceTest.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class RewardLedgerTest {

    private static final String TABLE_VERSION = "sha256:9c1d0a";

    @Inject
    EntityManager entityManager;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = TestData.kafka();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void creditsEachActivityOnceHoweverOftenItsDecisionArrives() throws Exception {
        String memberId = TestData.newMember();
        String checkIn = UUID.randomUUID().toString();
        String share = UUID.randomUUID().toString();
        String checkInDecision = decision(memberId, checkIn, "CHECK_IN", 20, "R02 check-in shared in a group");
        publish(memberId, checkInDecision, checkInDecision, checkInDecision,
                decision(memberId, share, "SHARE", 5, "R05 share"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}/points", memberId)
                .then().statusCode(200)
                .body("entries", hasSize(2)));
        // Past a few more poll cycles: a late duplicate would show up now.
        Thread.sleep(1500);
        given().get("/members/{id}/points", memberId)
                .then().statusCode(200)
                .body("memberId", equalTo(memberId))
                .body("balance", equalTo(25))
                .body("entries", hasSize(2))
                .body("entries.activityId", contains(share, checkIn))
                .body("entries[1].decisionId", equalTo(decisionIdOf(checkIn)))
                .body("entries[1].activityType", equalTo("CHECK_IN"))
                .body("entries[1].points", equalTo(20))
                .body("entries[1].reason", equalTo("reason of R02 check-in shared in a group"))
                .body("entries[1].firedRules", contains("R02 check-in shared in a group"))
                .body("entries[1].tableVersion", equalTo(TABLE_VERSION))
                .body("entries[1].occurredAt", equalTo("2026-11-21T08:14:58Z"))
                .body("entries[1].creditedAt", notNullValue());
        assertEquals(25L, ledgerSum(memberId));
    }

    @Test
    void penaltiesAndZeroPointDecisionsAreRecorded() {
        String memberId = TestData.newMember();
        String purchase = UUID.randomUUID().toString();
        String spam = UUID.randomUUID().toString();
        String unmatched = UUID.randomUUID().toString();
        publish(memberId,
                decision(memberId, purchase, "PURCHASE", 50, "R10 purchase"),
                decision(memberId, spam, "AD_SPAM", -30, "R20 ad spam"),
                decision(memberId, unmatched, "CONTENT_POST", 0, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}/points", memberId)
                .then().statusCode(200)
                .body("balance", equalTo(20))
                .body("entries", hasSize(3))
                .body("entries[0].activityId", equalTo(unmatched))
                .body("entries[0].points", equalTo(0))
                .body("entries[0].firedRules", hasSize(0)));
        assertEquals(20L, ledgerSum(memberId));

        given().get("/members/{id}/points?limit=1", memberId)
                .then().statusCode(200)
                .body("balance", equalTo(20))
                .body("entries", hasSize(1));
    }

    @Test
    void poisonRecordsAndUnknownMembersGoToTheDeadLetterTopic() {
        String memberId = TestData.newMember();
        String unknownMember = UUID.randomUUID().toString();
        String notJson = "this is {not json";
        String missingPoints = decision(memberId, UUID.randomUUID().toString(), "SHARE", 1, "R05")
                .replace("\"points\":1,", "");
        String forUnknownMember = decision(unknownMember, UUID.randomUUID().toString(), "SHARE", 5, "R05");
        String valid = UUID.randomUUID().toString();

        ConsumerTask<String, String> deadLetters = kafka.consumeStrings()
                .fromTopics("reward-decisions-dlq",
                        records -> records.filter(r -> Set.of(memberId, unknownMember).contains(r.key())));
        kafka.produceStrings().fromRecords(
                new ProducerRecord<>("reward-decisions", memberId, notJson),
                new ProducerRecord<>("reward-decisions", memberId, missingPoints),
                new ProducerRecord<>("reward-decisions", unknownMember, forUnknownMember),
                new ProducerRecord<>("reward-decisions", memberId, decision(memberId, valid, "CHECK_IN", 10, "R01")))
                .awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}/points", memberId)
                .then().statusCode(200)
                .body("balance", equalTo(10))
                .body("entries.activityId", contains(valid)));

        // Dead letters are at least once: a batch consumed again after a rebalance sends its letters again.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                Set.of(notJson, missingPoints, forUnknownMember),
                deadLetters.getRecords().stream().map(ConsumerRecord::value).collect(Collectors.toSet())));
        deadLetters.stop();
        Map<String, ConsumerRecord<String, String>> byValue = deadLetters.getRecords().stream()
                .collect(Collectors.toMap(ConsumerRecord::value, r -> r, (first, again) -> first));

        assertTrue(header(byValue.get(notJson), "dead-letter-reason").startsWith("value is not JSON"),
                header(byValue.get(notJson), "dead-letter-reason"));
        assertEquals("invalid reward decision: data.points is missing", header(byValue.get(missingPoints), "dead-letter-reason"));
        assertEquals("unknown member " + unknownMember, header(byValue.get(forUnknownMember), "dead-letter-reason"));
        for (ConsumerRecord<String, String> dead : deadLetters.getRecords()) {
            assertEquals("reward-decisions", header(dead, "dead-letter-topic"));
            assertTrue(Long.parseLong(header(dead, "dead-letter-offset")) >= 0);
            Integer.parseInt(header(dead, "dead-letter-partition"));
        }
        assertEquals(unknownMember, byValue.get(forUnknownMember).key());
        assertEquals(memberId, byValue.get(notJson).key());
        assertArrayEquals(new Object[0], QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT activity_id FROM points_ledger WHERE member_id = :m")
                .setParameter("m", UUID.fromString(unknownMember)).getResultList().toArray()));
    }

    @Test
    void limitIsValidated() {
        String memberId = TestData.newMember();
        for (String limit : List.of("0", "501", "abc", "-1")) {
            problem(given().get("/members/{id}/points?limit=" + limit, memberId), 400)
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("limit"));
        }
        given().get("/members/{id}/points?limit=500", memberId)
                .then().statusCode(200)
                .body("balance", equalTo(0))
                .body("entries", hasSize(0));
        problem(given().get("/members/{id}/points", UUID.randomUUID()), 404);
    }

    private void publish(String key, String... values) {
        kafka.produceStrings().fromRecords(
                java.util.Arrays.stream(values).map(v -> new ProducerRecord<>("reward-decisions", key, v)).toList())
                .awaitCompletion();
    }

    /** The ledger sum, after checking that the stored balance equals it. */
    private long ledgerSum(String memberId) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("""
                        SELECT m.points_balance,
                               (SELECT coalesce(sum(l.points), 0) FROM points_ledger l WHERE l.member_id = m.id)
                        FROM members m WHERE m.id = :m""")
                .setParameter("m", UUID.fromString(memberId))
                .getSingleResult());
        long balance = ((Number) row[0]).longValue();
        long sum = ((Number) row[1]).longValue();
        assertEquals(sum, balance, "balance must equal the ledger sum");
        return sum;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Like rules-service: the decision id is derived from the activity id. */
    private static String decisionIdOf(String activityId) {
        return UUID.nameUUIDFromBytes(("reward:" + activityId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String decision(String memberId, String activityId, String type, int points, String rule) {
        String decisionId = decisionIdOf(activityId);
        String firedRules = rule == null ? "[]" : "[\"" + rule + "\"]";
        String reason = rule == null ? "no rule matched" : "reason of " + rule;
        return """
                {"specversion":"1.0","id":"%1$s","type":"io.qunyun.rules.reward.decided.v1",\
                "source":"/rules-service","time":"2026-11-21T08:15:00.120Z","subject":"%2$s",\
                "datacontenttype":"application/json","data":{"decisionId":"%1$s","activityId":"%3$s",\
                "memberId":"%2$s","activityType":"%4$s","occurredAt":"2026-11-21T08:14:58Z",\
                "points":%5$d,"basePoints":%5$d,"multiplier":1,"reason":"%6$s","firedRules":%7$s,\
                "table":"Rewards","tableVersion":"%8$s","futureField":{"ignored":true}}}"""
                .formatted(decisionId, memberId, activityId, type, points, reason, firedRules, TABLE_VERSION);
    }
}
