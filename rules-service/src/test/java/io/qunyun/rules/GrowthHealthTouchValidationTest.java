package io.qunyun.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The tier, group-health and touch endpoints reject bad input with problem+json naming the field. */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class GrowthHealthTouchValidationTest {

    static final String HEALTH = "\"messagesPerDay\":3,\"activeMemberRatio\":0.5,\"checkInRate\":0.5,\"conversions\":0,\"ageHours\":100";
    static final String TIER = "\"purchases\":1,\"contentPoints\":2,\"behaviourPoints\":3";

    @Test
    void missingRequiredFieldsAreEachReported() {
        problem("/decisions/tier", "{}")
                .body("errors.field", contains("behaviourPoints", "contentPoints", "purchases"));
        problem("/decisions/group-health", "{}")
                .body("errors.field", contains("activeMemberRatio", "ageHours", "checkInRate", "conversions",
                        "messagesPerDay"));
        problem("/decisions/touch", "{\"groupType\":\"LEAD\"}")
                .body("errors.field", contains("layer", "stage"));
    }

    @ParameterizedTest(name = "{0} {1} -> field {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /decisions/tier         | {TIER,"purchases":-1}                  | purchases         | greater than or equal to 0
            /decisions/tier         | {TIER,"contentPoints":-5}              | contentPoints     | greater than or equal to 0
            /decisions/tier         | {TIER,"behaviourPoints":-1}            | behaviourPoints   | greater than or equal to 0
            /decisions/tier         | {TIER,"currentTier":"GOLD"}            | currentTier       | AMBASSADOR
            /decisions/tier         | {TIER,"memberId":"m-1"}                | memberId          | m-1
            /decisions/tier         | {TIER,"purchases":"many"}              | purchases         | many
            /decisions/group-health | {HEALTH,"activeMemberRatio":1.01}      | activeMemberRatio | less than or equal to 1
            /decisions/group-health | {HEALTH,"activeMemberRatio":-0.1}      | activeMemberRatio | greater than or equal to 0
            /decisions/group-health | {HEALTH,"checkInRate":1.5}             | checkInRate       | less than or equal to 1
            /decisions/group-health | {HEALTH,"messagesPerDay":-1}           | messagesPerDay    | greater than or equal to 0
            /decisions/group-health | {HEALTH,"conversions":-1}              | conversions       | greater than or equal to 0
            /decisions/group-health | {HEALTH,"ageHours":-1}                 | ageHours          | greater than or equal to 0
            /decisions/group-health | {HEALTH,"lifespanHours":0}             | lifespanHours     | greater than 0
            /decisions/group-health | {HEALTH,"groupType":"CLUB"}            | groupType         | CORE_FANS
            /decisions/touch        | {"stage":"FRIEND","layer":"CORE"}      | stage             | REPURCHASED_OR_SHARES
            /decisions/touch        | {"stage":"CURIOUS","layer":"OUTER"}    | layer             | PERIPHERY
            """)
    void badValuesNameTheirField(String path, String body, String field, String messagePart) {
        problem(path, valid(body))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(messagePart));
    }

    @Test
    void boundariesOfRatiosAreAccepted() {
        given().contentType(ContentType.JSON)
                .body("{\"messagesPerDay\":0,\"activeMemberRatio\":1,\"checkInRate\":0,\"conversions\":0,\"ageHours\":0,\"lifespanHours\":1}")
                .when().post("/decisions/group-health")
                .then().statusCode(200);
    }

    @Test
    void openApiDescribesTheNewEndpoints() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/decisions/tier"))
                .body(containsString("/decisions/group-health"))
                .body(containsString("/decisions/touch"))
                .body(containsString("TierRequest"))
                .body(containsString("GroupHealthResponse"))
                .body(org.hamcrest.Matchers.not(containsString("/tier-unit")))
                .body(org.hamcrest.Matchers.not(containsString("/group-health-unit")))
                .body(org.hamcrest.Matchers.not(containsString("/touch-unit")));
    }

    /**
     * TIER and HEALTH expanded to a valid body without the field the case sets after them: a repeated field is
     * refused on its own (StrictJson), before any value is checked.
     */
    private static String valid(String body) {
        String overridden = body.substring(body.indexOf(',') + 1);
        String field = overridden.substring(overridden.indexOf('"') + 1, overridden.indexOf('"', overridden.indexOf('"') + 1));
        String base = body.startsWith("{TIER") ? TIER : body.startsWith("{HEALTH") ? HEALTH : null;
        if (base == null) {
            return body;
        }
        String kept = java.util.Arrays.stream(base.split(",")).filter(pair -> !pair.startsWith("\"" + field + "\""))
                .collect(java.util.stream.Collectors.joining(","));
        return body.replace(body.startsWith("{TIER") ? "TIER" : "HEALTH", kept);
    }

    private static ValidatableResponse problem(String path, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }
}
