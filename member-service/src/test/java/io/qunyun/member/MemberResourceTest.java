package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import io.qunyun.member.persistence.MemberRepository;

@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class MemberResourceTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    MemberRepository members;

    @Test
    void registersAndReadsAMember() {
        String externalId = "yz-" + UUID.randomUUID();
        var created = given().contentType(ContentType.JSON)
                .body("""
                        {"sourceSystem":"crm-youzan","externalId":"%s","displayName":"小云 Xiaoyun"}""".formatted(externalId))
                .post("/members")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern(UUID_PATTERN))
                .body("sourceSystem", equalTo("crm-youzan"))
                .body("externalId", equalTo(externalId))
                .body("displayName", equalTo("小云 Xiaoyun"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/members/" + id), created.header("Location"));

        given().get("/members/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("externalId", equalTo(externalId))
                .body("displayName", equalTo("小云 Xiaoyun"))
                .body("createdAt", equalTo(created.<String>path("createdAt")));
    }

    @Test
    void duplicateExternalIdOfTheSameSourceIsAConflictNamingTheExistingMember() {
        String externalId = "dup-" + UUID.randomUUID();
        String body = """
                {"sourceSystem":"wecom","externalId":"%s","displayName":"First"}""".formatted(externalId);
        String existing = given().contentType(ContentType.JSON).body(body).post("/members")
                .then().statusCode(201).extract().path("id");

        problem(given().contentType(ContentType.JSON)
                .body(body.replace("First", "Second"))
                .post("/members"), 409)
                .body("detail", containsString(existing))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("externalId"))
                .body("errors[0].message", containsString(existing));

        // Same external id in another source system is another person.
        given().contentType(ContentType.JSON).body(body.replace("wecom", "youzan")).post("/members")
                .then().statusCode(201);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(
                () -> members.count("sourceSystem = ?1 and externalId = ?2", "wecom", externalId)));
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> members.count("externalId", externalId)));
        given().get("/members/{id}", existing).then().statusCode(200).body("displayName", equalTo("First"));
    }

    @Test
    void missingAndBlankFieldsAreNamed() {
        problem(given().contentType(ContentType.JSON).body("{}").post("/members"), 400)
                .body("errors.field", hasItem("sourceSystem"))
                .body("errors.field", hasItem("externalId"))
                .body("errors.field", hasItem("displayName"))
                .body("errors", hasSize(3));

        problem(given().contentType(ContentType.JSON)
                .body("""
                        {"sourceSystem":"crm","externalId":"  ","displayName":"x"}""")
                .post("/members"), 400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("externalId"));
    }

    @Test
    void tooLongFieldsAreRejectedAndNothingIsStored() {
        String longId = "x".repeat(129);
        long before = QuarkusTransaction.requiringNew().call(() -> members.count());
        problem(given().contentType(ContentType.JSON)
                .body("""
                        {"sourceSystem":"crm","externalId":"%s","displayName":"%s"}""".formatted(longId, "n".repeat(201)))
                .post("/members"), 400)
                .body("errors.field", hasItem("externalId"))
                .body("errors.field", hasItem("displayName"))
                .body("errors", hasSize(2));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> members.count("externalId", longId)));
        long after = QuarkusTransaction.requiringNew().call(() -> members.count());
        assertEquals(before, after);
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        problem(given().contentType(ContentType.JSON).body("{\"sourceSystem\": \"crm\", ").post("/members"), 400)
                .body("title", equalTo("Malformed request body"));
        problem(given().contentType(ContentType.JSON)
                .body("""
                        {"sourceSystem":"crm","externalId":{"nested":1},"displayName":"x"}""")
                .post("/members"), 400)
                .body("errors[0].field", equalTo("externalId"));
        problem(given().contentType(ContentType.JSON).post("/members"), 400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void unknownMemberIs404Problem() {
        String unknown = UUID.randomUUID().toString();
        problem(given().get("/members/{id}", unknown), 404)
                .body("detail", containsString(unknown))
                .body("instance", equalTo("/members/" + unknown));
        problem(given().get("/members/not-a-uuid"), 404);
    }

    static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", notNullValue())
                .body("errors", notNullValue())
                .body("instance", org.hamcrest.Matchers.startsWith("/members"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("stackTrace")))
                .body("title", org.hamcrest.Matchers.not(endsWith("Exception")));
    }
}
