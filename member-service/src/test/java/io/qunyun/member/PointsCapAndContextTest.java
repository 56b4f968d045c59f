package io.qunyun.member;

import static io.qunyun.member.PointsTestSupport.CHECK_IN_POLICY;
import static io.qunyun.member.PointsTestSupport.publish;
import static io.qunyun.member.PointsTestSupport.rewardDecision;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Credit caps per local day of the group, and the Rewards context member-service sends with activities. */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class PointsCapAndContextTest {

    @Inject
    ObjectMapper json;

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
    void twoCheckInsInOneShanghaiDayCreditOneAndTheDayEndsAt16Utc() {
        String memberId = TestData.newMember();
        String group = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String sameDay = UUID.randomUUID().toString();
        String nextDay = UUID.randomUUID().toString();
        // 15:59:59Z and 10:00Z are 2026-08-21 in Asia/Shanghai (UTC+8); 16:00:00Z is already 08-22 there.
        publish(kafka, "reward-decisions", memberId,
                rewardDecision(memberId, first, "CHECK_IN", group, "2026-08-21T15:59:59Z", 20, false, CHECK_IN_POLICY),
                rewardDecision(memberId, sameDay, "CHECK_IN", group, "2026-08-21T10:00:00Z", 20, false, CHECK_IN_POLICY),
                rewardDecision(memberId, nextDay, "CHECK_IN", group, "2026-08-21T16:00:00Z", 20, false, CHECK_IN_POLICY));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}/points", memberId)
                .then().statusCode(200).body("entries", hasSize(3)));
        var entries = given().get("/members/{id}/points", memberId).then().statusCode(200)
                .body("balance", equalTo(40))
                .extract().jsonPath().getList("entries", Map.class);
        Map<String, Map<?, ?>> byActivity = new java.util.HashMap<>();
        entries.forEach(e -> byActivity.put((String) e.get("activityId"), e));
        assertEquals(20, byActivity.get(first).get("points"));
        assertEquals("2026-08-21", byActivity.get(first).get("localDay"));
        assertEquals(0, byActivity.get(sameDay).get("points"), "the second check-in of the local day is capped");
        assertEquals("C01 one credited check-in a day", byActivity.get(sameDay).get("cappedBy"));
        assertEquals(true, ((String) byActivity.get(sameDay).get("reason")).startsWith("capped by C01 one credited check-in a day"));
        assertEquals(20, byActivity.get(nextDay).get("points"), "16:00:00Z is the next day in Shanghai");
        assertEquals("2026-08-22", byActivity.get(nextDay).get("localDay"));
        assertEquals("REWARD", byActivity.get(nextDay).get("kind"));
    }

    /**
     * Issue 23, item 1: the cap counts per member and local day, whatever group the activity names. Per group, four
     * invented groups earned four check-ins a day where C01 allows one. Without a policy nothing is capped.
     */
    @Test
    void capCountsPerMemberAcrossGroupsAndNeverCapsWithoutAPolicy() {
        String memberId = TestData.newMember();
        String groupA = UUID.randomUUID().toString();
        String groupB = UUID.randomUUID().toString();
        String groupC = UUID.randomUUID().toString();
        String inB = UUID.randomUUID().toString();
        String outside = UUID.randomUUID().toString();
        publish(kafka, "reward-decisions", memberId,
                rewardDecision(memberId, UUID.randomUUID().toString(), "CHECK_IN", groupA, "2026-08-21T02:00:00Z", 20, false, CHECK_IN_POLICY),
                rewardDecision(memberId, inB, "CHECK_IN", groupB, "2026-08-21T03:00:00Z", 20, false, CHECK_IN_POLICY),
                rewardDecision(memberId, UUID.randomUUID().toString(), "CHECK_IN", groupC, "2026-08-21T03:30:00Z", 20, false, CHECK_IN_POLICY),
                rewardDecision(memberId, outside, "CHECK_IN", null, "2026-08-21T03:45:00Z", 10, false, CHECK_IN_POLICY),
                rewardDecision(memberId, UUID.randomUUID().toString(), "CHECK_IN", groupA, "2026-08-21T04:00:00Z", 20, false, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}/points", memberId)
                .then().statusCode(200).body("entries", hasSize(5)).body("balance", equalTo(40)));
        var entries = given().get("/members/{id}/points", memberId).then().extract().jsonPath().getList("entries", Map.class);
        Map<String, Map<?, ?>> byActivity = new java.util.HashMap<>();
        entries.forEach(e -> byActivity.put((String) e.get("activityId"), e));
        assertEquals("C01 one credited check-in a day", byActivity.get(inB).get("cappedBy"));
        assertEquals("C01 one credited check-in a day", byActivity.get(outside).get("cappedBy"));
    }

    @Test
    void checkInsCarryTheStreakOfConsecutiveLocalDaysAndPurchasesTheirAttributes() throws Exception {
        String memberId = TestData.newMember();
        String group = UUID.randomUUID().toString();
        TestData.memberSince(memberId, group, "2026-08-01T00:00:00Z"); // activities name a group the member is in
        // campaign-service announces the group's phase
        publish(kafka, "campaign-phase-changed", group, phaseChanged(group, "CLIMAX", "2026-08-20T00:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                "CLIMAX", recordPurchase(memberId, group, "probe-" + UUID.randomUUID()).get("campaignPhase")));

        ConsumerTask<String, String> events = TestData.activityEvents(kafka, memberId);
        checkIn(memberId, group, "2026-08-20T01:00:00Z", 1); // 08-20 Shanghai
        checkIn(memberId, group, "2026-08-20T23:00:00Z", 2); // 08-21 07:00 Shanghai
        checkIn(memberId, group, "2026-08-21T15:59:59Z", 2); // still 08-21: same day, streak stays
        checkIn(memberId, group, "2026-08-23T01:00:00Z", 1); // 08-22 skipped: streak starts again
        checkIn(memberId, group, "2026-08-23T16:30:00Z", 2); // 08-24 00:30 Shanghai
        checkIn(memberId, group, "2026-08-25T15:00:00Z", 3); // 08-25 23:00 Shanghai: a third day in a row
        given().contentType(ContentType.JSON).body("""
                {"type":"PURCHASE","groupId":"%s","occurredAt":"2026-08-23T02:00:00Z","idempotencyKey":"order-1",
                 "attributes":{"product":"30-day camp","amount":"199.50","currency":"CNY"}}""".formatted(group))
                .post("/members/{id}/activities", memberId).then().statusCode(201)
                .body("attributes.amount", equalTo("199.5"))
                .body("attributes.currency", equalTo("CNY"))
                .body("campaignPhase", equalTo("CLIMAX"))
                .body("streakDays", nullValue());

        // the topic is read from its start: leave out the probes recorded while waiting for the phase
        await().atMost(Duration.ofSeconds(30)).until(() -> published(events).size() == 7);
        events.stop();
        List<JsonNode> data = published(events);
        JsonNode purchase = data.stream().filter(d -> "order-1".equals(d.get("idempotencyKey").asText())).findFirst().orElseThrow();
        assertEquals("199.5", purchase.at("/attributes/amount").asText());
        assertEquals("CNY", purchase.at("/attributes/currency").asText());
        assertEquals("30-day camp", purchase.at("/attributes/product").asText());
        assertEquals("CLIMAX", purchase.get("campaignPhase").asText());
        assertEquals(0, purchase.get("priorOffences").asInt());
        assertFalse(purchase.has("memberTier"), "no tier decided yet");
        assertEquals(List.of(1, 2, 2, 1, 2, 3), data.stream().filter(d -> d.get("type").asText().equals("CHECK_IN"))
                .map(d -> d.get("streakDays").asInt()).toList());

        // the campaign ends: no phase any more
        publish(kafka, "campaign-phase-changed", group, phaseChanged(group, "ENDED", "2026-08-25T00:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                null, recordPurchase(memberId, group, "probe-" + UUID.randomUUID()).get("campaignPhase")));
        // an older, late phase event does not move the group back
        publish(kafka, "campaign-phase-changed", group, phaseChanged(group, "WARM_UP", "2026-08-01T00:00:00Z"));
        Thread.sleep(1500);
        assertEquals(null, recordPurchase(memberId, group, "probe-" + UUID.randomUUID()).get("campaignPhase"));
    }

    @Test
    void penalisedDecisionsBecomePriorOffences() {
        String memberId = TestData.newMember();
        publish(kafka, "reward-decisions", memberId,
                rewardDecision(memberId, UUID.randomUUID().toString(), "AD_SPAM", null, "2026-08-21T02:00:00Z", -50, true, null),
                rewardDecision(memberId, UUID.randomUUID().toString(), "AD_SPAM", null, "2026-08-21T03:00:00Z", -50, true, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}/points", memberId)
                .then().body("entries", hasSize(2)));
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("AD_SPAM", null, "2026-08-21T04:00:00Z", "spam-3"))
                .post("/members/{id}/activities", memberId).then().statusCode(201)
                .body("priorOffences", equalTo(2));
    }

    /**
     * priorOffences is a counter on the member row (V25), moved with the ledger: it must stay equal to
     * the member's penalised ledger rows through batches mixing penalties and credits, a redelivered
     * penalty, a zero-point penalty and a penalty of another member.
     */
    @Test
    void priorOffencesCountEachPenalisedLedgerRowOnce() {
        String memberId = TestData.newMember();
        String other = TestData.newMember();
        String spam = UUID.randomUUID().toString();
        String redelivered = rewardDecision(memberId, spam, "AD_SPAM", null, "2026-08-21T02:00:00Z", -50, true, null);
        publish(kafka, "reward-decisions", memberId,
                redelivered,
                rewardDecision(memberId, UUID.randomUUID().toString(), "SHARE", null, "2026-08-21T02:10:00Z", 5, false, null),
                redelivered,
                rewardDecision(memberId, UUID.randomUUID().toString(), "AD_SPAM", null, "2026-08-21T02:20:00Z", 0, true, null));
        publish(kafka, "reward-decisions", other,
                rewardDecision(other, UUID.randomUUID().toString(), "AD_SPAM", null, "2026-08-21T02:30:00Z", -50, true, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}/points", memberId)
                .then().body("entries", hasSize(3)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}/points", other)
                .then().body("entries", hasSize(1)));
        assertEquals(List.of(2, 2), offences(memberId), "counter, penalised ledger rows");
        assertEquals(List.of(1, 1), offences(other));
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", null, "2026-08-21T04:00:00Z", "after-penalties"))
                .post("/members/{id}/activities", memberId).then().statusCode(201)
                .body("priorOffences", equalTo(2));
        // the same key again answers the original activity, with the context it was recorded with
        publish(kafka, "reward-decisions", memberId,
                rewardDecision(memberId, UUID.randomUUID().toString(), "AD_SPAM", null, "2026-08-21T04:30:00Z", -50, true, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(3, 3), offences(memberId)));
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", null, "2026-08-21T04:00:00Z", "after-penalties"))
                .post("/members/{id}/activities", memberId).then().statusCode(200)
                .body("priorOffences", equalTo(2));
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", null, "2026-08-21T05:00:00Z", "after-third-penalty"))
                .post("/members/{id}/activities", memberId).then().statusCode(201)
                .body("priorOffences", equalTo(3));
    }

    /** members.prior_offences and the member's penalised ledger rows counted, as stored now. */
    private List<Integer> offences(String memberId) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                SELECT m.prior_offences, (SELECT count(*) FROM points_ledger l WHERE l.member_id = m.id AND l.penalty)
                FROM members m WHERE m.id = :m""")
                .setParameter("m", UUID.fromString(memberId))
                .getSingleResult());
        return List.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    @Test
    void badAttributesAreA400NamingTheFieldAndWriteNothing() {
        String memberId = TestData.newMember();
        Map<String, String> cases = Map.of(
                "{\"amount\":\"-1\",\"currency\":\"CNY\"}", "attributes.amount",
                "{\"amount\":\"0\",\"currency\":\"CNY\"}", "attributes.amount",
                "{\"amount\":\"12.5\",\"currency\":\"ABC\"}", "attributes.currency",
                "{\"amount\":\"12.5\",\"currency\":\"cny\"}", "attributes.currency",
                "{\"amount\":\"12.5\"}", "attributes.currency",
                "{\"amount\":\"twelve\",\"currency\":\"CNY\"}", "attributes.amount",
                "{\"contentKind\":\"\"}", "attributes.contentKind");
        cases.forEach((attributes, field) -> MemberResourceTest.problem(given().contentType(ContentType.JSON)
                .body("""
                        {"type":"PURCHASE","occurredAt":"2026-08-23T02:00:00Z","idempotencyKey":"bad-%s","attributes":%s}"""
                        .formatted(UUID.randomUUID(), attributes))
                .post("/members/{id}/activities", memberId), 400)
                .body("errors[0].field", equalTo(field)));
        given().get("/members/{id}/activities", memberId).then().statusCode(200).body("items", hasSize(0));
    }

    private List<JsonNode> published(ConsumerTask<String, String> events) {
        return events.getRecords().stream().map(r -> {
            try {
                return json.readTree(r.value()).get("data");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(d -> !d.get("idempotencyKey").asText().startsWith("probe-")).toList();
    }

    private void checkIn(String memberId, String group, String occurredAt, int expectedStreak) {
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("CHECK_IN", group, occurredAt, "check-in-" + occurredAt))
                .post("/members/{id}/activities", memberId).then().statusCode(201)
                .body("streakDays", equalTo(expectedStreak));
    }

    private static Map<String, Object> recordPurchase(String memberId, String group, String key) {
        return given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", group, "2026-08-21T02:00:00Z", key))
                .post("/members/{id}/activities", memberId).then().statusCode(201)
                .extract().jsonPath().getMap("$");
    }

    static String phaseChanged(String groupId, String phase, String occurredAt) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.qunyun.campaign.phase.changed.v1","source":"/campaign-service",\
                "time":"%s","subject":"%s","datacontenttype":"application/json","data":{"campaignId":"%s",\
                "groupId":"%s","templateId":"camp-30","templateVersion":"sha256:0f3c","phase":"%s","previousPhase":null,"day":17,\
                "occurredAt":"%s"}}"""
                .formatted(UUID.randomUUID(), occurredAt, groupId, UUID.randomUUID(), groupId, phase, occurredAt);
    }
}
