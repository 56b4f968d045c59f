package io.qunyun.member;

import static io.qunyun.member.MemberResourceTest.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

import io.qunyun.member.persistence.ActivityRepository;
import io.qunyun.platform.persistence.OutboxEventRepository;

@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class ActivityResourceTest {

    private static final String GROUP = "9a1e5c7b-2d4f-4e8a-b6c3-1f0d2e3a4b5c";

    @Inject
    ActivityRepository activities;

    @Inject
    OutboxEventRepository outbox;

    @Inject
    ObjectMapper json;

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
    void sameIdempotencyKeyRecordsOneActivityAndPublishesOneEvent() throws Exception {
        String memberId = TestData.newMember();
        TestData.memberSince(memberId, GROUP, "2026-11-01T00:00:00Z");
        ConsumerTask<String, String> events = TestData.activityEvents(kafka, memberId);

        // +08:00 on input, UTC on output: the same instant.
        String body = TestData.activityJson("CHECK_IN", GROUP, "2026-11-21T16:14:58+08:00", "wecom-msg-88231");
        var first = given().contentType(ContentType.JSON).body(body)
                .post("/members/{id}/activities", memberId)
                .then().statusCode(201)
                .body("activityId", notNullValue())
                .body("memberId", equalTo(memberId))
                .body("type", equalTo("CHECK_IN"))
                .body("groupId", equalTo(GROUP))
                .body("occurredAt", equalTo("2026-11-21T08:14:58Z"))
                .body("idempotencyKey", equalTo("wecom-msg-88231"))
                .body("recordedAt", notNullValue())
                .extract();
        String activityId = first.path("activityId");

        given().contentType(ContentType.JSON).body(body)
                .post("/members/{id}/activities", memberId)
                .then().statusCode(200)
                .body("activityId", equalTo(activityId))
                .body("recordedAt", equalTo(first.<String>path("recordedAt")));
        // The key with another activity is refused (issue 9): answering the original would tell the caller its
        // second activity was recorded.
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", null, "2026-11-22T00:00:00Z", "wecom-msg-88231"))
                .post("/members/{id}/activities", memberId)
                .then().statusCode(409)
                .body("type", equalTo("https://qunyun.io/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo("idempotencyKey"));

        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> activities.count("memberId", UUID.fromString(memberId))));

        events.awaitRecords(1, Duration.ofSeconds(30));
        // Longer than a sweep period: a second event would show up now.
        Thread.sleep(2500);
        assertEquals(1, events.count(), () -> "events: " + events.getRecords());
        ConsumerRecord<String, String> record = events.getFirstRecord();
        events.stop();

        assertEquals(memberId, record.key());
        JsonNode envelope = json.readTree(record.value());
        assertEquals("1.0", envelope.get("specversion").asText());
        assertEquals(activityId, envelope.get("id").asText());
        assertEquals("io.qunyun.member.activity.recorded.v1", envelope.get("type").asText());
        assertEquals("/member-service", envelope.get("source").asText());
        assertEquals(memberId, envelope.get("subject").asText());
        assertEquals("application/json", envelope.get("datacontenttype").asText());
        assertEquals(Instant.parse(first.path("recordedAt")), Instant.parse(envelope.get("time").asText()));
        JsonNode data = envelope.get("data");
        assertEquals(activityId, data.get("activityId").asText());
        assertEquals(memberId, data.get("memberId").asText());
        assertEquals("CHECK_IN", data.get("type").asText());
        assertEquals(GROUP, data.get("groupId").asText());
        assertEquals("2026-11-21T08:14:58Z", data.get("occurredAt").asText());
        assertEquals("wecom-msg-88231", data.get("idempotencyKey").asText());
    }

    @Test
    void idempotencyKeysArePerMember() {
        String alice = TestData.newMember();
        String bob = TestData.newMember();
        String body = TestData.activityJson("PURCHASE", null, "2026-11-21T08:00:00Z", "order-1");
        String forAlice = given().contentType(ContentType.JSON).body(body)
                .post("/members/{id}/activities", alice).then().statusCode(201)
                .body("groupId", nullValue())
                .extract().path("activityId");
        String forBob = given().contentType(ContentType.JSON).body(body)
                .post("/members/{id}/activities", bob).then().statusCode(201).extract().path("activityId");
        assertNotEquals(forAlice, forBob);
    }

    @Test
    void unknownMemberIs404AndStoresNothing() {
        String unknown = UUID.randomUUID().toString();
        problem(given().contentType(ContentType.JSON)
                .body(TestData.activityJson("CHECK_IN", null, "2026-11-21T08:00:00Z", "k-404"))
                .post("/members/{id}/activities", unknown), 404)
                .body("detail", containsString(unknown));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> activities.count("idempotencyKey", "k-404")));
    }

    @Test
    void invalidRequestsNameTheFieldAndChangeNothing() {
        String memberId = TestData.newMember();
        String path = "/members/{id}/activities";

        problem(given().contentType(ContentType.JSON)
                .body(TestData.activityJson("JUMP", null, "2026-11-21T08:00:00Z", "k1"))
                .post(path, memberId), 400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("CHECK_IN"));
        problem(given().contentType(ContentType.JSON)
                .body(TestData.activityJson("CHECK_IN", "not-a-uuid", "2026-11-21T08:00:00Z", "k2"))
                .post(path, memberId), 400)
                .body("errors[0].field", equalTo("groupId"));
        problem(given().contentType(ContentType.JSON)
                .body(TestData.activityJson("CHECK_IN", null, "21.11.2026", "k3"))
                .post(path, memberId), 400)
                .body("errors[0].field", equalTo("occurredAt"));
        problem(given().contentType(ContentType.JSON)
                .body(TestData.activityJson("CHECK_IN", null, "2026-11-21T08:00:00", "k3b"))
                .post(path, memberId), 400)
                .body("errors[0].field", equalTo("occurredAt"));
        problem(given().contentType(ContentType.JSON)
                .body(TestData.activityJson(null, null, null, "k4"))
                .post(path, memberId), 400)
                .body("errors", hasSize(2))
                .body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("occurredAt"));
        problem(given().contentType(ContentType.JSON)
                .body(TestData.activityJson("CHECK_IN", null, "2026-11-21T08:00:00Z", "k".repeat(201)))
                .post(path, memberId), 400)
                .body("errors[0].field", equalTo("idempotencyKey"));
        problem(given().contentType(ContentType.JSON)
                .body(TestData.activityJson("CHECK_IN", null, "2026-11-21T08:00:00Z", null))
                .post(path, memberId), 400)
                .body("errors[0].field", equalTo("idempotencyKey"));
        problem(given().contentType(ContentType.JSON)
                .body("{\"type\": CHECK_IN}")
                .post(path, memberId), 400)
                .body("title", equalTo("Malformed request body"));

        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> activities.count("memberId", UUID.fromString(memberId))));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> outbox.count("messageKey", memberId)));
    }
}
