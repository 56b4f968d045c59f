package io.qunyun.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The role x endpoint test, generated from the service's own OpenAPI document (/q/openapi): for every
 * operation, reads included, a request without a token and one with an expired token answer 401, one with
 * each role the operation does not allow answers 403, and one with each role it allows answers neither 401
 * nor 403. The allowed roles are the ones Quarkus writes into each operation's security requirement from
 * its @RolesAllowed, so the document a client reads is the one checked. An operation without a security
 * requirement fails the test: nothing is open but health, metrics and the document itself. Every 401 and 403
 * must be application/problem+json with the shared type URIs, a 401 with a Bearer challenge.
 *
 * <p>Each service runs it as a {@code @QuarkusTest} subclass (real token verification, no
 * {@code @TestSecurity}).
 */
public abstract class RoleEndpointContract {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOperationAnswersByRole() throws Exception {
        JsonNode document = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                String name = method + " " + path.getKey();
                Set<String> allowed = new TreeSet<>();
                op.getValue().path("security").forEach(requirement -> requirement.fields()
                        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> allowed.add(role.asText()))));
                if (allowed.isEmpty()) {
                    failures.add(name + ": no roles in the OpenAPI document (missing @RolesAllowed?)");
                    continue;
                }
                String url = OpenApiRequests.concretePath(path.getKey(), op.getValue());
                check(failures, name, send(method, url, op.getValue(), null), Set.of(401), "without a token");
                check(failures, name, send(method, url, op.getValue(), TestTokens.expired("admin")), Set.of(401),
                        "with an expired admin token");
                requests += 2;
                for (String role : TestTokens.ROLES) {
                    Response response = send(method, url, op.getValue(), TestTokens.token(role));
                    int status = response.statusCode();
                    requests++;
                    if (status == 403) {
                        problem(failures, name + " as " + role, response, "forbidden");
                    }
                    if (allowed.contains(role) && (status == 401 || status == 403)) {
                        failures.add(name + ": role " + role + " is allowed but got " + status);
                    } else if (!allowed.contains(role) && status != 403) {
                        failures.add(name + ": role " + role + " is not allowed (" + allowed + ") but got " + status);
                    }
                }
                assertTrue(allowed.contains("admin"), name + ": admin may do everything, allowed " + allowed);
            }
        }
        System.out.printf("role x endpoint: %d operations, %d requests, %d failures%n", operations, requests,
                failures.size());
        assertTrue(operations > 0, "the OpenAPI document lists no operation");
        assertEquals(List.of(), failures);
    }

    private static void check(List<String> failures, String name, Response response, Set<Integer> expected,
            String how) {
        if (!expected.contains(response.statusCode())) {
            failures.add(name + " " + how + ": expected " + expected + " but got " + response.statusCode());
        } else if (response.statusCode() == 401) {
            problem(failures, name + " " + how, response, "unauthorized");
            if (!"Bearer".equals(response.header("WWW-Authenticate"))) {
                failures.add(name + " " + how + ": 401 without a Bearer challenge");
            }
        }
    }

    /** 401 and 403 answer in the one error vocabulary of the three services (docs/errors.md). */
    private static void problem(List<String> failures, String name, Response response, String type) {
        String contentType = String.valueOf(response.contentType());
        String actual = contentType.startsWith("application/problem+json") ? response.jsonPath().getString("type") : null;
        if (!("https://qunyun.io/problems/" + type).equals(actual)) {
            failures.add(name + ": " + response.statusCode() + " is not problem+json of type " + type + " (" + contentType
                    + ", type " + actual + ")");
        }
    }

    private static Response send(String method, String url, JsonNode operation, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String contentType = OpenApiRequests.contentType(operation);
        if (contentType != null) {
            // bytes: RestAssured has no encoder for every media type (application/yaml, text/csv)
            request.contentType(contentType).body((contentType.contains("json") ? "{}" : "")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.request(method, url);
    }
}
