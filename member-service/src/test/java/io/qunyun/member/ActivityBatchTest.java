package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import io.qunyun.member.persistence.ActivityRepository;

/** POST /activities/batch: per-item results, the single endpoint's idempotency, all-or-nothing on bad input. */
@QuarkusTest
@TestSecurity(user = "test", roles = "integration")
class ActivityBatchTest {

    @Inject
    ActivityRepository activities;

    private static String item(String memberId, String type, String key) {
        return """
                {"memberId":"%s","type":"%s","occurredAt":"2026-11-21T08:00:00Z","idempotencyKey":"%s"}"""
                .formatted(memberId, type, key);
    }

    private static String batch(List<String> items) {
        return "{\"activities\":[" + String.join(",", items) + "]}";
    }

    private long activitiesOf(String memberId) {
        return QuarkusTransaction.requiringNew().call(() -> activities.count("memberId", UUID.fromString(memberId)));
    }

    @Test
    void recordsEachItemWithItsOwnResultAndPublishesOneEventPerNewActivity() throws Exception {
        String alice = TestData.newMember();
        String bob = TestData.newMember();
        String nobody = UUID.randomUUID().toString();
        // the same activity alice recorded before through the single endpoint answers the original
        String earlier = given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", null, "2026-11-21T08:00:00Z", "k-0"))
                .post("/members/{id}/activities", alice).then().statusCode(201).extract().path("activityId");

        try (KafkaCompanion kafka = TestData.kafka()) {
            ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics("member-activities",
                    records -> records.filter(r -> alice.equals(r.key()) || bob.equals(r.key())));
            var response = given().contentType(ContentType.JSON)
                    .body(batch(List.of(item(alice, "SHARE", "k-0"), item(alice, "PURCHASE", "k-1"),
                            item(nobody, "SHARE", "k-1"), item(bob, "PURCHASE", "k-1"), item(alice, "PURCHASE", "k-1"))))
                    .post("/activities/batch")
                    .then().statusCode(200)
                    .body("created", equalTo(2)).body("replayed", equalTo(2)).body("rejected", equalTo(1))
                    .body("results", hasSize(5))
                    .body("results[0].status", equalTo(200)).body("results[0].activity.activityId", equalTo(earlier))
                    .body("results[0].activity.type", equalTo("SHARE"))
                    .body("results[1].status", equalTo(201)).body("results[1].activity.type", equalTo("PURCHASE"))
                    .body("results[2].status", equalTo(404)).body("results[2].activity", nullValue())
                    .body("results[2].error.field", equalTo("activities[2].memberId"))
                    .body("results[3].status", equalTo(201)).body("results[3].activity.memberId", equalTo(bob))
                    // the same activity twice in one call: the second answers the first (another activity under
                    // a key used before is a 409: InputHardeningTest)
                    .body("results[4].status", equalTo(200))
                    .extract();
            assertEquals(response.<String>path("results[1].activity.activityId"),
                    response.<String>path("results[4].activity.activityId"));
            assertEquals(2, activitiesOf(alice));
            assertEquals(1, activitiesOf(bob));

            // replaying the whole call changes nothing and answers the same activities
            given().contentType(ContentType.JSON)
                    .body(batch(List.of(item(alice, "PURCHASE", "k-1"), item(bob, "PURCHASE", "k-1"))))
                    .post("/activities/batch")
                    .then().statusCode(200).body("created", equalTo(0)).body("replayed", equalTo(2))
                    .body("results[0].activity.activityId", equalTo(response.<String>path("results[1].activity.activityId")));

            events.awaitRecords(3, Duration.ofSeconds(30));
            Thread.sleep(2500); // longer than a relay sweep: a duplicate event would show up now
            assertEquals(3, events.count(), () -> "events: " + events.getRecords());
            events.stop();
        }
    }

    /**
     * The same call sent by several clients at once: every key's row is inserted by one of them, the others
     * wait on it in the database, lose, and answer the winner's activity (one JDBC batch per call, so a
     * lost key is found after the batch, also for an item repeated later in the same call).
     */
    @Test
    void concurrentCallsWithTheSameKeysStoreEachActivityOnceAndAllAnswerIt() throws Exception {
        int clients = 8;
        int keys = 60;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            // Several rounds (new members, new keys each): the calls overlap in the database, and the losers
            // answer from the winner's rows. Checked by breaking that answer: the test then fails.
            for (int round = 0; round < 2; round++) {
                String alice = TestData.newMember();
                String bob = TestData.newMember();
                List<String> items = new ArrayList<>();
                for (int i = 0; i < keys; i++) {
                    items.add(item(alice, "SHARE", "race-" + i));
                    items.add(item(bob, i % 2 == 0 ? "CHECK_IN" : "PURCHASE", "race-" + i));
                }
                items.add(item(alice, "SHARE", "race-3")); // repeated in the call: answers the activity of item 6
                String body = batch(items);
                var start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<io.restassured.response.ExtractableResponse<io.restassured.response.Response>>> calls =
                        new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return given().contentType(ContentType.JSON).body(body).post("/activities/batch")
                                .then().statusCode(200).body("rejected", equalTo(0)).extract();
                    }));
                }
                start.countDown();
                int created = 0;
                List<String> first = null;
                for (var call : calls) {
                    var response = call.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    created += response.<Integer>path("created");
                    List<String> ids = response.path("results.activity.activityId");
                    assertEquals(2 * keys + 1, ids.size());
                    assertEquals(ids.get(6), ids.get(2 * keys), "a key repeated in the call answers its first activity");
                    if (first == null) {
                        first = ids;
                    }
                    org.junit.jupiter.api.Assertions.assertTrue(first.equals(ids), "every client is answered with the same stored activities");
                }
                assertEquals(2 * keys, created, "each key created once over all clients");
                assertEquals(2 * keys, new HashSet<>(first).size());
                assertEquals(keys, activitiesOf(alice));
                assertEquals(keys, activitiesOf(bob));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMalformedItemRejectsTheWholeCallAndStoresNothing() {
        String alice = TestData.newMember();
        given().contentType(ContentType.JSON)
                .body(batch(List.of(item(alice, "PURCHASE", "m-1"), item(alice, "NOT_A_TYPE", "m-2"))))
                .post("/activities/batch")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(batch(List.of(item(alice, "PURCHASE", "m-1"),
                        "{\"memberId\":\"" + alice + "\",\"type\":\"SHARE\",\"occurredAt\":\"2026-11-21T08:00:00Z\"}")))
                .post("/activities/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("activities[1].idempotencyKey"));
        assertEquals(0, activitiesOf(alice));
    }

    @Test
    void takesAThousandItemsAndRefusesMore() {
        String alice = TestData.newMember();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(item(alice, "SHARE", "bulk-" + i));
        }
        given().contentType(ContentType.JSON).body(batch(items)).post("/activities/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("activities"));
        assertEquals(0, activitiesOf(alice));

        List<String> ids = given().contentType(ContentType.JSON).body(batch(items.subList(0, 1000)))
                .post("/activities/batch")
                .then().statusCode(200).body("created", equalTo(1000)).extract().path("results.activity.activityId");
        assertEquals(1000, new HashSet<>(ids).size());
        assertEquals(1000, activitiesOf(alice));
    }

    @Test
    @TestSecurity(user = "reader", roles = "analyst")
    void otherRolesAreRefused() {
        given().contentType(ContentType.JSON)
                .body(batch(List.of(item(java.util.UUID.randomUUID().toString(), "SHARE", "r-1"))))
                .post("/activities/batch")
                .then().statusCode(403);
    }
}
