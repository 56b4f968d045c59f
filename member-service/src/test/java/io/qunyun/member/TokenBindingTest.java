package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.testkit.TestTokens;
import io.restassured.http.ContentType;

/**
 * Tokens bound to Qunyun (issue 22), once for the three services: they share the settings
 * (application.properties, "Authentication and roles") and quarkus-oidc, so one service shows what each
 * refuses. A token signed with the trusted key is still refused when it was issued for another client (wrong
 * or no audience), by another issuer, or has expired (401); one that carries the role only as a realm role,
 * or as a client role of another client, is authenticated but has no role here (403). Each refused write
 * changes nothing. The accepted token's caller is its sub, with its display name beside it in the audit log.
 */
@QuarkusTest
class TokenBindingTest {

    static List<Arguments> refusedTokens() {
        return List.of(
                Arguments.of("another client's audience", TestTokens.builder("admin").audience("crm").sign(), 401),
                Arguments.of("no audience", TestTokens.builder("admin").audience().sign(), 401),
                Arguments.of("another issuer", TestTokens.builder("admin").issuer("https://id.qunyun.test/realms/other").sign(), 401),
                Arguments.of("expired", TestTokens.expired("admin"), 401),
                Arguments.of("a realm role only, realm roles off", TestTokens.builder("admin").realmRoleOnly().sign(), 403),
                Arguments.of("another client's role", TestTokens.builder("admin").clientRolesOf("crm").sign(), 403));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("refusedTokens")
    void aTokenNotBoundToQunyunIsRefusedAndChangesNothing(String what, String token, int status) {
        String code = "token-" + UUID.randomUUID();
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"name\":\"Mug\",\"cost\":30}".formatted(code))
                .post("/rewards")
                .then().statusCode(status).contentType(startsWith("application/problem+json"));
        // a read is refused alike: the token, not the operation, is what is wrong
        given().header("Authorization", "Bearer " + token).get("/rewards").then().statusCode(status);
        List<String> codes = given().header("Authorization", TestTokens.bearer("admin")).get("/rewards")
                .then().statusCode(200).extract().path("code");
        assertFalse(codes.contains(code), what + ": nothing written");
    }

    @Test
    void theAcceptedTokensCallerIsItsSubjectWithItsDisplayNameBeside() {
        String rewardId = given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON)
                .body("{\"code\":\"token-%s\",\"name\":\"Mug\",\"cost\":30}".formatted(UUID.randomUUID()))
                .post("/rewards")
                .then().statusCode(201).extract().path("id");
        List<Map<String, Object>> entries = given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("targetId", rewardId).get("/audit")
                .then().statusCode(200).body("items.size()", equalTo(1)).extract().path("items");
        assertEquals("test-admin", entries.get(0).get("actor"), "the token's sub");
        assertEquals("tester.admin", entries.get(0).get("actorName"), "its preferred_username");
        assertEquals(List.of("admin"), entries.get(0).get("actorRoles"), "its client role");
    }
}
