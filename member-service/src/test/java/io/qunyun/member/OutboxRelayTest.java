package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import io.qunyun.platform.persistence.OutboxEvent;
import io.qunyun.platform.persistence.OutboxEventRepository;

@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class OutboxRelayTest {

    @Inject
    OutboxEventRepository outbox;

    @Inject
    ObjectMapper json;

    @Inject
    io.qunyun.platform.messaging.OutboxRelay relay;

    @Inject
    UserTransaction transaction;

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
    void publishedRowsAreDeleted() throws Exception {
        String memberId = TestData.newMember();
        ConsumerTask<String, String> events = TestData.activityEvents(kafka, memberId);
        String activityId = given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", null, "2026-11-21T08:00:00Z", "share-1"))
                .post("/members/{id}/activities", memberId)
                .then().statusCode(201).extract().path("activityId");

        events.awaitRecords(1, Duration.ofSeconds(30));
        events.stop();
        assertEquals(activityId, json.readTree(events.getFirstRecord().value()).get("id").asText());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(0L,
                QuarkusTransaction.requiringNew().call(() -> outbox.count("eventId", UUID.fromString(activityId)))));
    }

    /**
     * The relay deletes what the broker acknowledged as one range of ids filtered by the list: a row inside the range
     * that is not in the list (another relay instance's, locked by it) stays. In one transaction that is rolled back,
     * so the relay never sees these rows.
     */
    @Test
    void deletingByIdsLeavesTheRowsOfTheRangeNotListed() throws Exception {
        transaction.begin();
        try {
            List<OutboxEvent> rows = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                OutboxEvent row = new OutboxEvent();
                row.eventId = UUID.randomUUID();
                row.topic = "member-activities";
                row.messageKey = "k";
                row.payload = "{}";
                row.createdAt = Instant.now();
                rows.add(row);
            }
            outbox.insertAll(rows);
            List<UUID> eventIds = rows.stream().map(r -> r.eventId).toList();
            List<Long> ids = outbox.find("eventId in ?1 order by id", eventIds).list().stream().map(r -> r.id).toList();
            assertEquals(4, ids.size());
            assertEquals(2L, outbox.deleteByIds(List.of(ids.get(2), ids.get(0))));
            assertEquals(List.of(ids.get(1), ids.get(3)),
                    outbox.find("eventId in ?1 order by id", eventIds).list().stream().map(r -> r.id).toList());
        } finally {
            transaction.rollback();
        }
    }

    /**
     * Many commits while the relay is publishing: every run must commit cleanly (a transaction
     * leaking into the Kafka client's callback threads once made runs fail under load).
     */
    @Test
    void burstOfActivitiesIsPublishedWithoutFailedRuns() {
        long failuresBefore = relay.failedRuns();
        String memberId = TestData.newMember();
        int count = 200;
        ConsumerTask<String, String> events = TestData.activityEvents(kafka, memberId);
        java.util.stream.IntStream.range(0, count).parallel().forEach(i -> given().contentType(ContentType.JSON)
                .body(TestData.activityJson("CHECK_IN", null, "2026-11-21T08:00:00Z", "burst-" + i))
                .post("/members/{id}/activities", memberId)
                .then().statusCode(201));

        events.awaitRecords(count, Duration.ofSeconds(60));
        events.stop();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(0L,
                QuarkusTransaction.requiringNew().call(() -> outbox.count())));
        assertEquals(failuresBefore, relay.failedRuns(), "relay runs that failed during the burst");
    }

    /** A row committed by a process that died before publishing: no wake-up, only the sweep finds it. */
    @Test
    void sweepPublishesRowsLeftBehind() {
        String key = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        String payload = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"note\":\"left behind\"}";
        ConsumerTask<String, String> events = kafka.consumeStrings()
                .fromTopics("member-activities", records -> records.filter(r -> key.equals(r.key())));

        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent row = new OutboxEvent();
            row.eventId = eventId;
            row.topic = "member-activities";
            row.messageKey = key;
            row.payload = payload;
            row.createdAt = Instant.now();
            outbox.persist(row);
        });

        events.awaitRecords(1, Duration.ofSeconds(30));
        events.stop();
        ConsumerRecord<String, String> record = events.getFirstRecord();
        assertEquals(key, record.key());
        assertEquals(payload, record.value());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(0L,
                QuarkusTransaction.requiringNew().call(() -> outbox.count("eventId", eventId))));
    }

    @Test
    void pendingRowsAreAGauge() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("outbox_pending_rows")));
    }
}
