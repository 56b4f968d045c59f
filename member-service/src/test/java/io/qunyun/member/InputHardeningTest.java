package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.member.config.ActivitiesConfig;
import io.qunyun.member.domain.LedgerService;
import io.qunyun.member.domain.RewardDecision;
import io.qunyun.platform.rest.ProblemType;
import io.qunyun.testkit.ErrorVocabulary;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 9's input hardening of member-service, over the real database: JSON nested deeper than 1,000 levels and
 * text with U+0000 are 400s naming the field (they were 500s), activities dated outside the configured bounds
 * are refused, an idempotency key sent again with another request is a 409, and every problem type this service
 * answers is one of docs/errors.md. Each refusal is checked to have written nothing.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class InputHardeningTest {

    private static final String TYPES = "https://qunyun.io/problems/";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ActivitiesConfig bounds;

    @Inject
    LedgerService ledger;

    @AfterEach
    void clockBack() {
        TestData.resetClock();
    }

    @Test
    void everyProblemTypeOfThisServiceIsDocumented() {
        var documented = ErrorVocabulary.documented();
        for (ProblemType type : ProblemType.values()) {
            assertTrue(documented.contains(type.uri()), type.uri() + " is not in docs/errors.md");
        }
        for (String kind : List.of("already-member", "screening-required", "application-pending", "application-decided",
                "rejoin-refused")) {
            assertTrue(documented.contains(ProblemType.uriOf(kind)), kind + " is not in docs/errors.md");
        }
    }

    @Test
    void jsonNestedDeeperThanAThousandLevelsIsAMalformedBody() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        problem(given().contentType(ContentType.JSON).body(deep).post("/members"), 400, "malformed-body", "body");
        String member = TestData.newMember();
        String deepField = "{\"type\":\"CHECK_IN\",\"occurredAt\":\"%s\",\"idempotencyKey\":\"k\",\"attributes\":%s}"
                .formatted(clock.instant(), "{\"a\":".repeat(1500) + "1" + "}".repeat(1500));
        problem(given().contentType(ContentType.JSON).body(deepField).post("/members/{id}/activities", member), 400,
                "malformed-body", null);
        assertEquals(0L, activities(member));
        // 1,000 levels are still read (and refused for what they are: not a member)
        given().contentType(ContentType.JSON).body("[".repeat(999) + "]".repeat(999)).post("/members")
                .then().statusCode(400).body("type", equalTo(TYPES + "malformed-body"));
    }

    @Test
    void textPostgresCannotStoreIsRefusedNamingTheField() {
        String externalId = "nul-" + UUID.randomUUID();
        problem(given().contentType(ContentType.JSON)
                .body("{\"sourceSystem\":\"crm\",\"externalId\":\"%s\",\"displayName\":\"a\\u0000b\"}".formatted(externalId))
                .post("/members"), 400, "invalid-request", "displayName")
                .body("errors[0].message", containsString("U+0000"));
        assertEquals(0L, count("SELECT count(*) FROM members WHERE external_id = '" + externalId + "'"));

        String member = TestData.newMember();
        problem(given().contentType(ContentType.JSON).body("""
                {"type":"PURCHASE","occurredAt":"%s","idempotencyKey":"nul","attributes":{"product":"tea\\u0000","amount":"9.90","currency":"CNY"}}"""
                .formatted(clock.instant())).post("/members/{id}/activities", member), 400, "invalid-request",
                "attributes.product");
        assertEquals(0L, activities(member));
        // path and query parameters, before any query runs
        problem(given().queryParam("after", "a\u0000").get("/members/{id}/activities", member), 400,
                "invalid-request", "after").body("errors[0].message", containsString("U+0000"));
        // (without the filter this one was a 404: not a UUID)
        problem(given().urlEncodingEnabled(false).get("/members/abc%00def"), 400, "invalid-request", "id");
    }

    /** Found by FuzzTest: a virtual clock put in year 169108099 made every later write a 500. */
    @Test
    void theVirtualClockStaysWhereTimestampsCanBeStored() {
        problem(given().contentType(ContentType.JSON).body("{\"instant\":\"+169108099-07-05T04:51:43Z\"}")
                .put("/clock"), 400, "invalid-request", "instant");
        problem(given().contentType(ContentType.JSON).body("{\"duration\":\"PT2000000000H\"}")
                .post("/clock/advance"), 400, "invalid-request", "duration");
        assertTrue(clock.instant().isBefore(Instant.parse("+10000-01-01T00:00:00Z")));
        TestData.newMember(); // writes still work
    }

    @Test
    void activitiesDatedOutsideTheBoundsAreRefusedNamingTheField() {
        String member = TestData.newMember();
        Instant now = clock.instant();
        Instant tooLate = now.plus(bounds.maxFuture()).plus(1, ChronoUnit.MINUTES);
        Instant tooEarly = now.minus(bounds.maxAge()).minus(1, ChronoUnit.DAYS);
        for (String at : List.of(tooLate.toString(), tooEarly.toString(), "2099-01-01T00:00:00Z", "1970-01-01T00:00:00Z")) {
            problem(given().contentType(ContentType.JSON).body(TestData.activityJson("CHECK_IN", null, at, "k-" + at))
                    .post("/members/{id}/activities", member), 400, "invalid-request", "occurredAt");
        }
        assertEquals(0L, activities(member));
        // just inside both edges
        Instant latest = now.plus(bounds.maxFuture()).minus(1, ChronoUnit.MINUTES);
        Instant earliest = now.minus(bounds.maxAge()).plus(1, ChronoUnit.DAYS);
        for (Instant at : List.of(latest, earliest)) {
            given().contentType(ContentType.JSON).body(TestData.activityJson("SHARE", null, at.toString(), "in-" + at))
                    .post("/members/{id}/activities", member).then().statusCode(201);
        }
        // a batch with one item out of bounds is refused whole
        String batch = """
                {"activities":[{"memberId":"%1$s","type":"SHARE","occurredAt":"%2$s","idempotencyKey":"b-0"},
                               {"memberId":"%1$s","type":"SHARE","occurredAt":"2099-01-01T00:00:00Z","idempotencyKey":"b-1"}]}"""
                .formatted(member, now);
        problem(given().contentType(ContentType.JSON).body(batch).post("/activities/batch"), 400, "invalid-request",
                "activities[1].occurredAt");
        assertEquals(2L, activities(member));
    }

    @Test
    void anIdempotencyKeyWithAnotherActivityIsAConflictAndTheFirstStays() {
        String member = TestData.newMember();
        String at = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        String purchase = """
                {"type":"PURCHASE","occurredAt":"%s","idempotencyKey":"order-1","attributes":{"product":"tea","amount":%s,"currency":"CNY"}}""";
        String first = given().contentType(ContentType.JSON).body(purchase.formatted(at, "\"199.00\""))
                .post("/members/{id}/activities", member).then().statusCode(201).extract().path("activityId");
        // the same request again (the amount written otherwise): the first activity, 200
        given().contentType(ContentType.JSON).body(purchase.formatted(at, "199.0"))
                .post("/members/{id}/activities", member).then().statusCode(200).body("activityId", equalTo(first));
        // another amount, another time, another type under the same key: 409, nothing written
        for (String other : List.of(purchase.formatted(at, "\"299.00\""),
                purchase.formatted(Instant.parse(at).minusSeconds(1), "\"199.00\""),
                TestData.activityJson("CHECK_IN", null, at, "order-1"))) {
            problem(given().contentType(ContentType.JSON).body(other).post("/members/{id}/activities", member), 409,
                    "idempotency-key-reused", "idempotencyKey")
                    .body("detail", containsString(first));
        }
        assertEquals(1L, activities(member));
        assertEquals(1L, count("SELECT count(*) FROM activities WHERE member_id = '" + member
                + "' AND amount = 199 AND type = 'PURCHASE'"));

        // in a batch: against a stored activity, and twice in the same call
        String batch = """
                {"activities":[{"memberId":"%1$s","type":"SHARE","occurredAt":"%2$s","idempotencyKey":"new-1"},
                               {"memberId":"%1$s","type":"SHARE","occurredAt":"%2$s","idempotencyKey":"order-1"}]}""";
        problem(given().contentType(ContentType.JSON).body(batch.formatted(member, at)).post("/activities/batch"), 409,
                "idempotency-key-reused", "activities[1].idempotencyKey");
        String twice = """
                {"activities":[{"memberId":"%1$s","type":"SHARE","occurredAt":"%2$s","idempotencyKey":"dup"},
                               {"memberId":"%1$s","type":"CHECK_IN","occurredAt":"%2$s","idempotencyKey":"dup"}]}""";
        problem(given().contentType(ContentType.JSON).body(twice.formatted(member, at)).post("/activities/batch"), 409,
                "idempotency-key-reused", "activities[1].idempotencyKey");
        assertEquals(1L, activities(member));
    }

    @Test
    void aRedemptionKeyWithAnotherRewardIsAConflict() {
        String member = TestData.newMember();
        ledger.credit(List.of(new RewardDecision(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(member),
                "PURCHASE", 100, "test credit", List.of("R05 purchase"), "sha256:x", clock.instant(), null, false, false,
                new RewardDecision.CreditPolicy(null, "C04 purchases uncapped", "PURCHASES", 180, "E01", "sha256:p"))));
        String tea = reward(10);
        String cake = reward(10);
        String body = "{\"rewardId\":\"%s\",\"idempotencyKey\":\"spend-1\"}";
        given().contentType(ContentType.JSON).body(body.formatted(tea)).post("/members/{id}/redemptions", member)
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(body.formatted(tea)).post("/members/{id}/redemptions", member)
                .then().statusCode(200);
        problem(given().contentType(ContentType.JSON).body(body.formatted(cake)).post("/members/{id}/redemptions", member),
                409, "idempotency-key-reused", "idempotencyKey");
        given().get("/members/{id}/points", member).then().statusCode(200).body("balance", equalTo(90));
    }

    private static String reward(int cost) {
        return given().contentType(ContentType.JSON)
                .body("{\"code\":\"r-%s\",\"name\":\"Reward\",\"cost\":%d}".formatted(UUID.randomUUID(), cost))
                .post("/rewards").then().statusCode(201).extract().path("id");
    }

    /** A problem document of the shared vocabulary naming {@code field} (null: any field). */
    static ValidatableResponse problem(io.restassured.response.Response response, int status, String type,
            String field) {
        ValidatableResponse checked = response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(TYPES + type))
                .body("status", equalTo(status));
        return field == null ? checked : checked.body("errors[0].field", equalTo(field));
    }

    private long activities(String member) {
        return count("SELECT count(*) FROM activities WHERE member_id = '" + member + "'");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }

    /** The generic mappers of platform-commons answer in this service (io.qunyun.testkit.PlatformMappers). */
    @Test
    void platformMappersAnswerHere() {
        io.qunyun.testkit.PlatformMappers.answerOn("/members");
    }
}
