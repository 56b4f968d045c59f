package io.qunyun.testkit;

import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The generic problem mappers live in platform-commons (io.qunyun.platform.rest), found in the service through
 * its index: this asserts that they answer in the service under test, on one of its JSON endpoints, with the
 * security headers platform-commons configures for every service.
 */
public final class PlatformMappers {

    private PlatformMappers() {
    }

    /** @param jsonPath a path of the service that takes a JSON body by POST and has no DELETE */
    public static void answerOn(String jsonPath) {
        given().contentType(ContentType.JSON).body("{\"a\": nope").post(jsonPath)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/malformed-body"))
                .body("title", equalTo("Malformed request body"))
                .body("instance", equalTo(jsonPath))
                .body("errors[0].field", equalTo("a"));
        given().get("/no-such-route")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/not-found"))
                // platform-commons' shared configuration (META-INF/microprofile-config.properties) reaches the service
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
        given().delete(jsonPath)
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/http-405"))
                .body("title", equalTo("Method Not Allowed"));
    }
}
