package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import io.qunyun.member.domain.LedgerService;
import io.qunyun.member.domain.RewardDecision;

@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class MergeTest {

    @Inject
    LedgerService ledger;

    @Inject
    EntityManager em;

    @Test
    void mergesTwoRecordsWithTransferEntriesAndTheMergedIdResolvesToTheSurvivor() {
        String survivor = TestData.newMember();
        String duplicate = TestData.newMember();
        credit(survivor, 30);
        credit(duplicate, 50);
        String unionId = "union-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"sourceSystem\":\"wechat-unionid\",\"externalId\":\"%s\"}".formatted(unionId))
                .post("/members/{id}/identities", duplicate).then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"sourceSystem\":\"wechat-unionid\",\"externalId\":\"%s\"}".formatted(unionId))
                .post("/members/{id}/identities", survivor).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("externalId"));

        given().contentType(ContentType.JSON).body("{\"from\":\"%s\"}".formatted(duplicate))
                .post("/members/{id}/merge", survivor).then().statusCode(200)
                .body("id", equalTo(survivor))
                .body("pointsBalance", equalTo(80));

        given().get("/members/{id}", duplicate).then().statusCode(200).body("id", equalTo(survivor));
        given().get("/members/{id}/identities", survivor).then().statusCode(200)
                .body("sourceSystem", org.hamcrest.Matchers.hasItem("wechat-unionid"))
                .body("size()", equalTo(3));
        // the merged id reads as the survivor (issue 23); the merged record's own rows stay in its ledger
        given().get("/members/{id}/points", duplicate).then().statusCode(200)
                .body("balance", equalTo(80))
                .body("entries.kind", containsInAnyOrder("TRANSFER", "REWARD"));
        given().get("/members/{id}/points", survivor).then().statusCode(200)
                .body("balance", equalTo(80))
                .body("entries[0].kind", equalTo("TRANSFER"))
                .body("entries[0].points", equalTo(50));

        given().contentType(ContentType.JSON).body("{\"from\":\"%s\"}".formatted(duplicate))
                .post("/members/{id}/merge", survivor).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().contentType(ContentType.JSON).body("{\"from\":\"%s\"}".formatted(survivor))
                .post("/members/{id}/merge", survivor).then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"from\":\"nope\"}")
                .post("/members/{id}/merge", survivor).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    /**
     * Issue 23, item 2: after a merge the merged id is the survivor for writes too. Before, an activity sent to the
     * merged id was credited to the dead record, a redemption against it was refused with the dead record's balance,
     * and an activity recorded under the merged id, sent again to the survivor with the same key, was credited twice.
     */
    @Test
    void afterAMergeTheMergedIdWritesToTheSurvivorAndItsKeysTravel() {
        String survivor = TestData.newMember();
        String merged = TestData.newMember();
        credit(survivor, 165);
        String before = given().contentType(ContentType.JSON)
                .body(TestData.activityJson("PURCHASE", null, "2026-11-21T08:00:00Z", "d-key-M"))
                .post("/members/{id}/activities", merged).then().statusCode(201).extract().path("activityId");
        credit(merged, 5);
        given().contentType(ContentType.JSON).body("{\"from\":\"%s\"}".formatted(merged))
                .post("/members/{id}/merge", survivor).then().statusCode(200).body("pointsBalance", equalTo(170));

        // the same activity and key, now sent to the survivor: the one recorded under the merged id, not a new one
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("PURCHASE", null, "2026-11-21T08:00:00Z", "d-key-M"))
                .post("/members/{id}/activities", survivor).then().statusCode(200).body("activityId", equalTo(before));
        assertEquals(0L, count("SELECT count(*) FROM activities WHERE member_id = '" + survivor + "'"));

        // a new activity sent to the merged id is the survivor's
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", null, "2026-11-21T09:00:00Z", "after-merge"))
                .post("/members/{id}/activities", merged).then().statusCode(201).body("memberId", equalTo(survivor));
        assertEquals(1L, count("SELECT count(*) FROM activities WHERE member_id = '" + survivor + "'"));
        // a decision about the merged record's activity that arrives after the merge credits the survivor
        credit(merged, 7);
        given().get("/members/{id}", survivor).then().body("pointsBalance", equalTo(177));
        assertEquals(0L, count("SELECT COALESCE(sum(points), 0) FROM points_ledger WHERE member_id = '" + merged + "'"));

        // a redemption against the merged id spends the survivor's balance
        String reward = given().contentType(ContentType.JSON)
                .body("{\"code\":\"r-%s\",\"name\":\"Reward\",\"cost\":100}".formatted(UUID.randomUUID()))
                .post("/rewards").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"rewardId\":\"%s\",\"idempotencyKey\":\"r-1\"}".formatted(reward))
                .post("/members/{id}/redemptions", merged).then().statusCode(201);
        given().get("/members/{id}", survivor).then().body("pointsBalance", equalTo(77));
        given().get("/members/{id}/points", merged).then().statusCode(200).body("balance", equalTo(77));
        // and its key is the survivor's
        given().contentType(ContentType.JSON).body("{\"rewardId\":\"%s\",\"idempotencyKey\":\"r-1\"}".formatted(reward))
                .post("/members/{id}/redemptions", survivor).then().statusCode(200);
        given().get("/members/{id}", survivor).then().body("pointsBalance", equalTo(77));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }

    private void credit(String memberId, int points) {
        ledger.credit(List.of(new RewardDecision(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(memberId),
                "PURCHASE", points, "test credit", List.of("R05 purchase"), "sha256:x",
                Instant.parse("2026-08-21T02:00:00Z"))));
    }
}
