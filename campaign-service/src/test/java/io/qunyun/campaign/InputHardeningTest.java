package io.qunyun.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.campaign.persistence.GroupRepository;
import io.qunyun.platform.rest.ProblemType;
import io.qunyun.testkit.ErrorVocabulary;
import io.restassured.http.ContentType;

/**
 * Issue 9's input hardening of campaign-service, over the real database: JSON nested deeper than 1,000 levels is
 * 400 malformed-body, text with U+0000 (which PostgreSQL cannot store; a 500 before) 400 invalid-request naming
 * the field, in the shared vocabulary of docs/errors.md; nothing is written.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class InputHardeningTest {

    @Inject
    GroupRepository groups;

    @Test
    void everyProblemTypeOfThisServiceIsDocumented() {
        var documented = ErrorVocabulary.documented();
        for (ProblemType type : ProblemType.values()) {
            assertTrue(documented.contains(type.uri()), type.uri() + " is not in docs/errors.md");
        }
    }

    @Test
    void jsonNestedDeeperThanAThousandLevelsIsAMalformedBody() {
        long before = count();
        given().contentType(ContentType.JSON).body("[".repeat(1001) + "]".repeat(1001)).post("/groups")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/malformed-body"))
                .body("errors[0].field", equalTo("body"));
        // in a field the request does not have: the parser still reads it, down to the limit (the body is unreadable
        // before the field is refused as unknown)
        given().contentType(ContentType.JSON).body(GroupResourceTest.LEAD_GROUP.replace("\"name\":",
                "\"extra\": " + "{\"a\":".repeat(1500) + "1" + "}".repeat(1500) + ", \"name\":")).post("/groups")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/malformed-body"));
        assertEquals(before, count());
    }

    @Test
    void textWithNulIsRefusedNamingTheField() {
        long before = count();
        given().contentType(ContentType.JSON).body(GroupResourceTest.LEAD_GROUP.replace("7天减脂打卡", "7天\\u0000打卡"))
                .post("/groups")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("U+0000"));
        given().contentType(ContentType.JSON).body(GroupResourceTest.LEAD_GROUP.replace("office workers", "a\\u0000"))
                .post("/groups")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("fiveW1H.who"));
        given().urlEncodingEnabled(false).get("/templates/conversion-camp-30d%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("id"));
        assertEquals(before, count());
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> groups.count());
    }

    /** The generic mappers of platform-commons answer in this service (io.qunyun.testkit.PlatformMappers). */
    /** Issue 23: unknown and repeated fields were ignored (the last of two won); now 400 naming the field. */
    @Test
    void unknownAndRepeatedFieldsAreRefusedNamingTheFieldAndWriteNothing() {
        long before = count();
        given().contentType(ContentType.JSON).body(GroupResourceTest.LEAD_GROUP.replace("\"name\":", "\"foo\":\"bar\", \"name\":"))
                .post("/groups").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("foo"));
        given().contentType(ContentType.JSON).body(GroupResourceTest.LEAD_GROUP.replace("\"name\":", "\"name\":\"x\", \"name\":"))
                .post("/groups").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("name"));
        assertEquals(before, count());
    }

    @Test
    void platformMappersAnswerHere() {
        io.qunyun.testkit.PlatformMappers.answerOn("/groups");
    }
}
