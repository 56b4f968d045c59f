package io.qunyun.member;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.qunyun.testkit.KafkaBrokerResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Shared helpers of the @QuarkusTest classes (not a test itself). */
final class TestData {

    private TestData() {
    }

    /** Registers a fresh member through the API and returns its id. */
    static String newMember() {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"sourceSystem":"test","externalId":"%s","displayName":"Test member"}"""
                        .formatted(UUID.randomUUID()))
                .post("/members")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** A companion on the broker the application under test uses. */
    static KafkaCompanion kafka() {
        return KafkaBrokerResource.companion();
    }

    /** Starts reading the member-activities events of one member (the topic's key is the member id). */
    static io.smallrye.reactive.messaging.kafka.companion.ConsumerTask<String, String> activityEvents(
            KafkaCompanion kafka, String memberId) {
        return kafka.consumeStrings()
                .fromTopics("member-activities", records -> records.filter(r -> memberId.equals(r.key())));
    }

    static String activityJson(String type, String groupId, String occurredAt, String idempotencyKey) {
        return """
                {"type":%s,"groupId":%s,"occurredAt":%s,"idempotencyKey":%s}"""
                .formatted(quoted(type), quoted(groupId), quoted(occurredAt), quoted(idempotencyKey));
    }

    /** Puts the virtual clock back at the real time (tests that move it call this afterwards). */
    static void resetClock() {
        given().contentType(ContentType.JSON)
                .body("{\"instant\":\"%s\"}".formatted(java.time.Instant.now()))
                .put("/clock").then().statusCode(200);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
