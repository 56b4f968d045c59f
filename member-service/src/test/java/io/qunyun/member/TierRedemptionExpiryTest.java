package io.qunyun.member;

import static io.qunyun.member.PointsTestSupport.CHECK_IN_POLICY;
import static io.qunyun.member.PointsTestSupport.PURCHASE_POLICY;
import static io.qunyun.member.PointsTestSupport.publish;
import static io.qunyun.member.PointsTestSupport.rewardDecision;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

import io.qunyun.member.domain.ExpiryService;
import io.qunyun.member.domain.LedgerService;
import io.qunyun.member.domain.RewardDecision;

/** Tiers applied once, growth published, redemptions that never overspend, expiry, ledger paging. */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class TierRedemptionExpiryTest {

    @Inject
    ObjectMapper json;

    @Inject
    LedgerService ledger;

    @Inject
    ExpiryService expiry;

    @Inject
    EntityManager em;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = TestData.kafka();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
        TestData.resetClock();
    }

    @Test
    void creditsPublishGrowthAndTheSameTierDecisionTwiceIsAppliedOnce() throws Exception {
        String memberId = TestData.newMember();
        ConsumerTask<String, String> growth = kafka.consumeStrings()
                .fromTopics("member-growth", records -> records.filter(r -> memberId.equals(r.key())));
        publish(kafka, "reward-decisions", memberId,
                rewardDecision(memberId, UUID.randomUUID().toString(), "CHECK_IN", null, "2026-08-21T02:00:00Z", 20, false, CHECK_IN_POLICY),
                rewardDecision(memberId, UUID.randomUUID().toString(), "PURCHASE", null, "2026-08-21T03:00:00Z", 50, false, PURCHASE_POLICY));
        await().atMost(Duration.ofSeconds(30)).until(() -> growth.getRecords().stream()
                .anyMatch(r -> r.value().contains("\"purchases\":1")));
        growth.stop();
        JsonNode last = json.readTree(growth.getRecords().get(growth.getRecords().size() - 1).value());
        assertSameFields("/events/member-growth-changed.json", last, "currentTier"); // absent before the first tier
        assertEquals(1, last.at("/data/purchases").asInt());
        assertEquals(20, last.at("/data/behaviourPoints").asInt());
        assertEquals(0, last.at("/data/contentPoints").asInt());

        ConsumerTask<String, String> changes = kafka.consumeStrings()
                .fromTopics("member-stage-changes", records -> records.filter(r -> memberId.equals(r.key())));
        String decisionId = UUID.randomUUID().toString();
        String decision = tierDecision(decisionId, memberId, "ACTIVE");
        publish(kafka, "tier-decisions", memberId, decision, decision);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}", memberId)
                .then().statusCode(200).body("tier", equalTo("ACTIVE"))
                .body("tierBenefits", equalTo("积分商城兑换、每月抽奖 / Points mall redemption and a monthly prize draw")));
        // the same tier again, under a new decision: applied, but no change and no event
        publish(kafka, "tier-decisions", memberId, tierDecision(UUID.randomUUID().toString(), memberId, "ACTIVE"));
        Thread.sleep(2000);
        given().get("/members/{id}/tier-history", memberId).then().statusCode(200)
                .body("tier", equalTo("ACTIVE"))
                .body("changes", hasSize(1))
                .body("changes[0].decisionId", equalTo(decisionId))
                .body("changes[0].previousTier", nullValue());
        // the member's timeline shows the one real change, with the rows that decided it
        given().get("/members/{id}/timeline?limit=500", memberId).then().statusCode(200)
                .body("items.findAll { it.kind == 'TIER' }", hasSize(1))
                .body("items.find { it.kind == 'TIER' }.id", equalTo(decisionId))
                .body("items.find { it.kind == 'TIER' }.to", equalTo("ACTIVE"))
                .body("items.find { it.kind == 'TIER' }.from", nullValue());
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM member_tier_decision WHERE member_id = CAST(:m AS uuid)")
                .setParameter("m", memberId).getSingleResult()).longValue()));
        changes.stop();
        assertEquals(1, changes.getRecords().size(), "one tier.changed event for one real change");
        JsonNode changed = json.readTree(changes.getFirstRecord().value());
        assertSameFields("/events/tier-changed.json", changed);
        assertTrue(changed.get("data").has("previousTier"), "previousTier is sent as null for the first tier");
        assertEquals("io.qunyun.member.tier.changed.v1", changed.get("type").asText());
        assertEquals("ACTIVE", changed.at("/data/tier").asText());

        // the tier is context of the next activity
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", null, "2026-08-21T04:00:00Z", "after-tier"))
                .post("/members/{id}/activities", memberId).then().statusCode(201)
                .body("memberTier", equalTo("ACTIVE"));
    }

    @Test
    void sixtyParallelRedemptionsNeverOverspend() throws Exception {
        String memberId = TestData.newMember();
        credit(memberId, 1000, Instant.parse("2026-08-21T02:00:00Z"));
        String rewardId = newReward(30);

        ExecutorService pool = Executors.newFixedThreadPool(60);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String key = "race-" + i;
            answers.add(pool.submit((Callable<Integer>) () -> given().contentType(ContentType.JSON)
                    .body("{\"rewardId\":\"%s\",\"idempotencyKey\":\"%s\"}".formatted(rewardId, key))
                    .post("/members/{id}/redemptions", memberId).then().extract().statusCode()));
        }
        int created = 0;
        int refused = 0;
        String createdKey = null;
        for (int i = 0; i < answers.size(); i++) {
            int status = answers.get(i).get();
            if (status == 201) {
                created++;
                createdKey = "race-" + i;
            } else if (status == 409) {
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(33, created, "1000 points buy 33 rewards of 30");
        assertEquals(27, refused);
        given().get("/members/{id}/points", memberId).then().statusCode(200).body("balance", equalTo(10));
        assertEquals(10L, ledgerSum(memberId), "balance = sum of the ledger");

        MemberResourceTest.problem(given().contentType(ContentType.JSON)
                .body("{\"rewardId\":\"%s\",\"idempotencyKey\":\"one-more\"}".formatted(rewardId))
                .post("/members/{id}/redemptions", memberId), 409)
                .body("type", equalTo("https://qunyun.io/problems/insufficient-points"))
                .body("errors[0].field", equalTo("rewardId"));
        // the same key again answers the original redemption and spends nothing (a key that won: which 33 of the
        // 60 win depends on the order the threads reach the member's row lock, race-0 is not always among them)
        given().contentType(ContentType.JSON)
                .body("{\"rewardId\":\"%s\",\"idempotencyKey\":\"%s\"}".formatted(rewardId, createdKey))
                .post("/members/{id}/redemptions", memberId).then().statusCode(200);
        MemberResourceTest.problem(given().contentType(ContentType.JSON)
                .body("{\"rewardId\":\"not-a-uuid\",\"idempotencyKey\":\"x\"}")
                .post("/members/{id}/redemptions", memberId), 400)
                .body("errors[0].field", equalTo("rewardId"));
        given().get("/members/{id}/points", memberId).then().body("balance", equalTo(10));
    }

    @Test
    void unspentPointsExpireOnTheVirtualClockAsNewEntriesOnce() {
        String memberId = TestData.newMember();
        Instant earned = Instant.parse("2026-01-10T02:00:00Z");
        given().contentType(ContentType.JSON).body("{\"instant\":\"2026-01-10T03:00:00Z\"}").put("/clock")
                .then().statusCode(200);
        credit(memberId, 50, earned); // expires after 180 days (the policy the decision carries)
        given().contentType(ContentType.JSON).body("{\"rewardId\":\"%s\",\"idempotencyKey\":\"spend-20\"}"
                .formatted(newReward(20))).post("/members/{id}/redemptions", memberId).then().statusCode(201);

        given().contentType(ContentType.JSON).body("{\"duration\":\"P179D\"}").post("/clock/advance").then().statusCode(200);
        expiry.expireDue();
        given().get("/members/{id}/points", memberId).then().body("balance", equalTo(30));

        given().contentType(ContentType.JSON).body("{\"duration\":\"P2D\"}").post("/clock/advance").then().statusCode(200);
        expiry.expireDue(); // (the scheduled run may have got there first: either appends the row)
        assertEquals(0, expiry.expireDue(), "a second run finds nothing left to expire");
        given().get("/members/{id}/points", memberId).then().statusCode(200)
                .body("balance", equalTo(0))
                .body("entries", hasSize(3))
                .body("entries[0].kind", equalTo("EXPIRY"))
                .body("entries[0].points", equalTo(-30))
                .body("entries[1].kind", equalTo("REDEMPTION"))
                .body("entries[2].kind", equalTo("REWARD"))
                .body("entries[2].points", equalTo(50));
        assertEquals(0L, ledgerSum(memberId));
    }

    @Test
    void pagesThroughMoreThanAThousandLedgerEntries() {
        String memberId = TestData.newMember();
        List<RewardDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 1050; i++) {
            UUID activity = UUID.randomUUID();
            decisions.add(new RewardDecision(UUID.randomUUID(), activity, UUID.fromString(memberId), "SHARE", 1, "r",
                    List.of("R03 share"), "sha256:x", Instant.parse("2026-08-21T02:00:00Z")));
        }
        ledger.credit(decisions);
        Set<Object> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        long previous = Long.MAX_VALUE;
        do {
            var page = given().queryParam("limit", 500).queryParam("after", cursor == null ? "" : cursor)
                    .get("/members/{id}/points", memberId).then().statusCode(200)
                    .body("balance", equalTo(1050)).extract().jsonPath();
            List<Integer> ids = page.getList("entries.id", Integer.class);
            for (int id : ids) {
                assertTrue(id < previous, "newest first, no repeats");
                previous = id;
                seen.add(id);
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(1050, seen.size());
        assertEquals(3, pages);
        MemberResourceTest.problem(given().queryParam("after", "abc").get("/members/{id}/points", memberId), 400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void pagesThroughActivities() {
        String memberId = TestData.newMember();
        for (int i = 0; i < 7; i++) {
            given().contentType(ContentType.JSON)
                    .body(TestData.activityJson("SHARE", null, "2026-08-21T02:00:00Z", "page-" + i))
                    .post("/members/{id}/activities", memberId).then().statusCode(201);
        }
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().queryParam("limit", 3).queryParam("after", cursor == null ? "" : cursor)
                    .get("/members/{id}/activities", memberId).then().statusCode(200).extract().jsonPath();
            keys.addAll(page.getList("items.idempotencyKey", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("page-6", "page-5", "page-4", "page-3", "page-2", "page-1", "page-0"), keys);
        MemberResourceTest.problem(given().queryParam("after", UUID.randomUUID()).get("/members/{id}/activities", memberId), 400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void catalogueValidatesAndLists() {
        String code = "mug-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"code\":\"%s\",\"name\":\"Mug\",\"cost\":200}".formatted(code))
                .post("/rewards").then().statusCode(201).body("cost", equalTo(200));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"name\":\"Mug\",\"cost\":200}".formatted(code)).post("/rewards")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"free\",\"name\":\"Free\",\"cost\":0}").post("/rewards")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cost"));
        given().get("/rewards").then().statusCode(200).body("code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("free")));
        given().get("/rewards").then().statusCode(200).body("code", org.hamcrest.Matchers.hasItem(code));
    }

    private void credit(String memberId, int points, Instant occurredAt) {
        ledger.credit(List.of(new RewardDecision(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(memberId),
                "PURCHASE", points, "test credit", List.of("R05 purchase"), "sha256:x", occurredAt, null, false, false,
                new RewardDecision.CreditPolicy(null, "C04 purchases uncapped", "PURCHASES", 180,
                        "E01 newcomers' points last half a year", "sha256:p"))));
    }

    private static String newReward(int cost) {
        return given().contentType(ContentType.JSON)
                .body("{\"code\":\"r-%s\",\"name\":\"Reward\",\"cost\":%d}".formatted(UUID.randomUUID(), cost))
                .post("/rewards").then().statusCode(201).extract().path("id");
    }

    private long ledgerSum(String memberId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COALESCE(sum(points), 0) FROM points_ledger WHERE member_id = CAST(:m AS uuid)")
                .setParameter("m", memberId).getSingleResult()).longValue());
    }

    private static String tierDecision(String decisionId, String memberId, String tier) {
        return """
                {"specversion":"1.0","id":"%1$s","type":"io.qunyun.rules.tier.decided.v1","source":"/rules-service",\
                "time":"2026-11-21T09:00:00.150Z","subject":"%2$s","datacontenttype":"application/json",\
                "data":{"decisionId":"%1$s","growthEventId":"g-1","memberId":"%2$s","purchases":1,"contentPoints":0,\
                "behaviourPoints":20,"growthValue":120,"weights":{"PURCHASES":100,"CONTENT":3,"BEHAVIOUR":1},\
                "tier":"%3$s","rank":2,"benefits":"积分商城兑换、每月抽奖 / Points mall redemption and a monthly prize draw",\
                "firedRules":["T01","T02","T03","T05 active"],"table":"Tiers","tableVersion":"sha256:4b7e"}}"""
                .formatted(decisionId, memberId, tier);
    }

    /** @param optional data fields of the sample that this event may leave out */
    private void assertSameFields(String golden, JsonNode actual, String... optional) throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream(golden)) {
            sample = json.readTree(in);
        }
        assertEquals(names(sample), names(actual), golden + " envelope");
        Set<String> expected = names(sample.get("data"));
        Set<String> published = names(actual.get("data"));
        for (String field : optional) {
            expected.remove(field);
            published.remove(field);
        }
        assertEquals(expected, published, golden + " data");
        for (String constant : List.of("specversion", "type", "source", "datacontenttype")) {
            assertEquals(sample.get(constant), actual.get(constant), constant);
        }
        assertEquals(actual.get("subject"), actual.at("/data/memberId"));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
