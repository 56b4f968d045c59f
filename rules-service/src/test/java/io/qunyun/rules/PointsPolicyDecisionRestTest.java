package io.qunyun.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class PointsPolicyDecisionRestTest {

    @Test
    void capsCheckInsAtOneADayAndKeepsPointsHalfAYearWithoutATier() {
        given().contentType(ContentType.JSON).body("{\"activityType\":\"CHECK_IN\"}")
                .post("/decisions/points-policy").then().statusCode(200)
                .body("maxPerDay", equalTo(1))
                .body("capRule", equalTo("C01 one credited check-in a day"))
                .body("growthInput", equalTo("BEHAVIOUR"))
                .body("expiresAfterDays", equalTo(180))
                .body("expiryRule", equalTo("E01 newcomers' points last half a year"))
                .body("table", equalTo("PointsPolicy"))
                .body("tableVersion", startsWith("sha256:"))
                .body("firedRules", contains("C01 one credited check-in a day", "E01 newcomers' points last half a year"));
    }

    @Test
    void purchasesAreUncappedAndAmbassadorsKeepPointsLonger() {
        given().contentType(ContentType.JSON).body("{\"activityType\":\"PURCHASE\",\"memberTier\":\"AMBASSADOR\"}")
                .post("/decisions/points-policy").then().statusCode(200)
                .body("maxPerDay", nullValue())
                .body("growthInput", equalTo("PURCHASES"))
                .body("expiresAfterDays", equalTo(730))
                .body("firedRules", contains("C04 purchases uncapped", "E04 ambassadors keep points two years"));
    }

    @Test
    void rejectsAnUnknownActivityTypeNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"activityType\":\"LIKE\"}")
                .post("/decisions/points-policy").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("activityType"));
    }
}
