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

    /**
     * Makes the member a member of the group since {@code joinedAt} (the group replica too, when missing), straight in
     * the database: tests that record activities in a group at a past instant need a membership then (issue 23), and
     * the join endpoint joins now.
     */
    static void memberSince(String memberId, String groupId, String joinedAt) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            jakarta.persistence.EntityManager em = io.quarkus.arc.Arc.container()
                    .instance(jakarta.persistence.EntityManager.class).get();
            em.createNativeQuery("""
                    INSERT INTO community_group (id, name, state, updated_at)
                    VALUES (CAST(?1 AS uuid), 'test group', 'ACTIVE', now()) ON CONFLICT (id) DO NOTHING""")
                    .setParameter(1, groupId).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO memberships (id, member_id, group_id, staff, layer, stage, activity_state, joined_at,
                                             admitted_via)
                    VALUES (gen_random_uuid(), CAST(?1 AS uuid), CAST(?2 AS uuid), false, 'PERIPHERY', 'CURIOUS',
                            'ACTIVE', CAST(?3 AS timestamptz), 'DIRECT')""")
                    .setParameter(1, memberId).setParameter(2, groupId).setParameter(3, joinedAt).executeUpdate();
        });
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
