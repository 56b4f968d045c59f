package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.qunyun.testkit.TestTokens;
import io.restassured.http.ContentType;

/** The packaged application: starts, reports ready (database and Kafka) and serves its API. */
@QuarkusIntegrationTest
class MemberServiceIT {

    @BeforeAll
    static void asAdmin() {
        // The packaged service checks bearer tokens: this test's calls run as an admin.
        TestTokens.everyRequestAs("admin");
    }

    @Test
    void packagedServiceIsReadyAndServesMembers() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka"))));

        String externalId = "it-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"sourceSystem":"it","externalId":"%s","displayName":"Packaged"}""".formatted(externalId))
                .post("/members")
                .then().statusCode(201).extract().path("id");
        given().get("/members/{id}", id).then().statusCode(200).body("externalId", equalTo(externalId));
        given().get("/members/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/q/openapi").then().statusCode(200).body(containsString("/members/{id}/points"));
    }
}
