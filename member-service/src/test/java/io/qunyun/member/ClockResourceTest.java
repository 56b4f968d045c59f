package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** The test profile runs the virtual clock (application.properties). */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class ClockResourceTest {

    @AfterEach
    void backToNow() {
        TestData.resetClock();
    }

    @Test
    void putsAdvancesAndReadsTheVirtualClock() {
        given().contentType(ContentType.JSON).body("{\"instant\":\"2026-08-21T00:00:00Z\"}")
                .put("/clock").then().statusCode(200)
                .body("mode", equalTo("virtual"))
                .body("instant", org.hamcrest.Matchers.startsWith("2026-08-21T00:00:0"));
        given().contentType(ContentType.JSON).body("{\"duration\":\"PT36H\"}")
                .post("/clock/advance").then().statusCode(200)
                .body("instant", org.hamcrest.Matchers.startsWith("2026-08-22T12:00:0"));
        given().get("/clock").then().statusCode(200)
                .body("instant", org.hamcrest.Matchers.startsWith("2026-08-22T12:00:0"));
    }

    @Test
    void refusesABadDurationNamingTheField() {
        for (String body : new String[] { "{\"duration\":\"36 hours\"}", "{\"duration\":\"-PT1H\"}" }) {
            given().contentType(ContentType.JSON).body(body)
                    .post("/clock/advance").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("duration"));
        }
        given().contentType(ContentType.JSON).body("{\"instant\":\"yesterday\"}")
                .put("/clock").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("instant"));
    }
}
