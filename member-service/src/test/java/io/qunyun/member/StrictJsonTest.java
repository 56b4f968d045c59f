package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 23, item 3: a field a request does not have, or a field given twice, is a 400 naming it, and nothing is
 * written (they were accepted silently: {@code "points":-100} got 201, {@code "type"} twice recorded the last one).
 */
@QuarkusTest
@TestSecurity(user = "test", roles = "admin")
class StrictJsonTest {

    @Inject
    EntityManager em;

    @Test
    void anUnknownFieldIsRefusedAndNamed() {
        String member = TestData.newMember();
        refused(given().contentType(ContentType.JSON).body("""
                {"type":"SHARE","occurredAt":"2026-11-21T08:00:00Z","idempotencyKey":"k","points":-100}""")
                .post("/members/{id}/activities", member), "points")
                .body("detail", containsString("is not a field of this request"))
                .body("errors[0].message", containsString("不是此请求的字段"));
        refused(given().contentType(ContentType.JSON).body("""
                {"type":"PURCHASE","occurredAt":"2026-11-21T08:00:00Z","idempotencyKey":"k",
                 "attributes":{"amount":1,"foo":"bar"}}""")
                .post("/members/{id}/activities", member), "attributes.foo");
        refused(given().contentType(ContentType.JSON).body("""
                {"activities":[{"memberId":"%s","type":"SHARE","occurredAt":"2026-11-21T08:00:00Z",
                 "idempotencyKey":"k","foo":"%s"}]}""".formatted(member, "x".repeat(1_000_000)))
                .post("/activities/batch"), "activities[0].foo");
        assertEquals(0L, activities(member));
        // another endpoint, another body: the rule is the service's, not one resource's
        String externalId = UUID.randomUUID().toString();
        refused(given().contentType(ContentType.JSON).body("""
                {"sourceSystem":"test","externalId":"%s","displayName":"x","tier":"AMBASSADOR"}""".formatted(externalId))
                .post("/members"), "tier");
        assertEquals(0L, count("SELECT count(*) FROM members WHERE external_id = '" + externalId + "'"));
    }

    @Test
    void aFieldGivenTwiceIsRefusedAndNamed() {
        String member = TestData.newMember();
        refused(given().contentType(ContentType.JSON).body("""
                {"type":"SHARE","type":"AD_SPAM","occurredAt":"2026-11-21T08:00:00Z","idempotencyKey":"k"}""")
                .post("/members/{id}/activities", member), "type")
                .body("detail", containsString("is given more than once"));
        refused(given().contentType(ContentType.JSON).body("""
                {"activities":[{"memberId":"%s","type":"SHARE","occurredAt":"2026-11-21T08:00:00Z","idempotencyKey":"k",
                 "idempotencyKey":"k2"}]}""".formatted(member))
                .post("/activities/batch"), "activities[0].idempotencyKey");
        assertEquals(0L, activities(member));
    }

    private static ValidatableResponse refused(io.restassured.response.Response response, String field) {
        return response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/invalid-request"))
                .body("errors[0].field", equalTo(field));
    }

    private long activities(String member) {
        return count("SELECT count(*) FROM activities WHERE member_id = '" + member + "'");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }
}
