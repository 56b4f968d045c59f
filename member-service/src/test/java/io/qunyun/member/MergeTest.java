package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

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
        // history kept: the merged record's ledger shows its reward and the transfer out
        given().get("/members/{id}/points", duplicate).then().statusCode(200)
                .body("balance", equalTo(0))
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

    private void credit(String memberId, int points) {
        ledger.credit(List.of(new RewardDecision(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(memberId),
                "PURCHASE", points, "test credit", List.of("R05 purchase"), "sha256:x",
                Instant.parse("2026-08-21T02:00:00Z"))));
    }
}
