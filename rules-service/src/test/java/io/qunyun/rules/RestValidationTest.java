package io.qunyun.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import io.qunyun.platform.rest.ProblemType;

/** Every rejected request answers application/problem+json naming the request field at fault. */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class RestValidationTest {

    static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void missingActivityType() {
        problem("/decisions/reward", "{\"groupId\":\"9a1e5c7b-2d4f-4e8a-b6c3-1f0d2e3a4b5c\"}")
                .body("type", containsString("invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("instance", equalTo("/decisions/reward"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("activityType"))
                .body("errors[0].message", notNullValue());
    }

    @Test
    void fromAfterToIsReportedOnTo() {
        problem("/decisions/positioning", "{\"from\":\"SHARE\",\"to\":\"INTEREST\"}")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("from"));
    }

    @Test
    void missingStagesAreEachReported() {
        problem("/decisions/positioning", "{}")
                .body("errors.field", org.hamcrest.Matchers.contains("from", "to"));
    }

    @ParameterizedTest(name = "{0} {1} -> field {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /decisions/reward       | {"activityType":"DANCE"}                         | activityType   | CHECK_IN
            /decisions/reward       | {"activityType":"CHECK_IN","groupId":"nope"}      | groupId        | nope
            /decisions/reward       | {"activityType":"CHECK_IN","occurredAt":"today"}  | occurredAt     | today
            /decisions/positioning  | {"from":"INTEREST","to":"LOYALTY"}                | to             | SHARE
            /decisions/five-w-one-h | {"how":"BARTER"}                                  | how            | HARD_SELLING
            /decisions/five-w-one-h | {"groupType":"CLUB"}                              | groupType      | CORE_FANS
            /decisions/five-w-one-h | {"lifecycleHours":"soon"}                         | lifecycleHours | soon
            /decisions/five-w-one-h | {"lifecycleHours":0}                              | lifecycleHours | greater than
            /decisions/reward       | {"activityType":["CHECK_IN"]}                     | activityType   | JSON type
            """)
    void badValuesNameTheirField(String path, String body, String field, String messagePart) {
        problem(path, body)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(messagePart));
    }

    @Test
    void malformedJsonNamesTheFieldBeingRead() {
        problem("/decisions/positioning", "{\"from\": INTEREST, \"to\": \"DESIRE\"}")
                .body("title", equalTo("Malformed request body"))
                .body("type", equalTo("https://qunyun.io/problems/malformed-body"))
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void truncatedJsonIsRejected() {
        problem("/decisions/reward", "{\"activityType\": \"CHECK_IN\",")
                .body("title", equalTo("Malformed request body"))
                .body("type", equalTo("https://qunyun.io/problems/malformed-body"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void missingBodyIsReportedOnBody() {
        problem("/decisions/reward", "")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void bodyThatIsNotAnObjectIsReportedOnBody() {
        problem("/decisions/reward", "[1,2]")
                .body("errors[0].field", equalTo("body"));
    }

    /** Issue 9: 500 before; Jackson's StreamReadConstraints stop the parser at 1,000 levels. */
    @Test
    void jsonNestedDeeperThanAThousandLevelsIsAMalformedBody() {
        problem("/decisions/reward", "[".repeat(1001) + "]".repeat(1001))
                .body("type", equalTo("https://qunyun.io/problems/malformed-body"))
                .body("errors[0].field", equalTo("body"));
        // in a field the request does not have: the parser still reads (skips) it, down to the limit
        problem("/decisions/five-w-one-h", "{\"groupType\":\"LEAD\",\"extra\":" + "{\"a\":".repeat(2000) + "1"
                + "}".repeat(2000) + "}")
                .body("type", equalTo("https://qunyun.io/problems/malformed-body"))
                .body("detail", containsString("nesting depth"));
    }

    /** Text PostgreSQL cannot store is refused where it is read, naming the field (docs/errors.md). */
    @Test
    void textWithNulIsRefusedNamingTheField() {
        problem("/decisions/five-w-one-h", "{\"groupType\":\"LEAD\",\"why\":\"fill\\u0000the camp\"}")
                .body("type", equalTo("https://qunyun.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("why"))
                .body("errors[0].message", containsString("U+0000"));
        // a path parameter, before the table name reaches a query
        given().urlEncodingEnabled(false).get("/decision-tables/Rewards%00/versions")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://qunyun.io/problems/invalid-request"))
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void everyProblemTypeOfThisServiceIsDocumented() {
        var documented = io.qunyun.testkit.ErrorVocabulary.documented();
        for (ProblemType type : ProblemType.values()) {
            org.junit.jupiter.api.Assertions.assertTrue(documented.contains(type.uri()), type.uri() + " not in docs/errors.md");
        }
    }

    private static ValidatableResponse problem(String path, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400));
    }

    /** The generic mappers of platform-commons answer in this service (io.qunyun.testkit.PlatformMappers). */
    @Test
    void platformMappersAnswerHere() {
        io.qunyun.testkit.PlatformMappers.answerOn("/decisions/reward");
    }

    /** The analysts' page runs only its own script and stylesheet (AnalystPageBrowserTest shows it still works). */
    @Test
    void theAnalystPageHasAContentSecurityPolicy() {
        given().get("/tables/").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'self'; object-src 'none'"))
                .header("X-Content-Type-Options", "nosniff");
        assertTrue(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class),
                "platform-commons' defaults reach the service: an unannotated endpoint fails closed");
    }
}
