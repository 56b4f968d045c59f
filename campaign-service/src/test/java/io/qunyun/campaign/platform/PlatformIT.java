package io.qunyun.campaign.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Both slices across the three packaged services, over a real Kafka broker and the real
 * PostgreSQL: group positioning (campaign → rules over REST) and the points loop
 * (member → Kafka → rules → Kafka → member), including kills of member-service and rules-service
 * in the middle of the flow.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PlatformResource.class, restrictToAnnotatedClass = true)
class PlatformIT {

    private static final List<String> ACTIVITY_TYPES = List.of("CHECK_IN", "SHARE", "CONTENT_POST", "PURCHASE",
            "AD_SPAM");

    @Test
    void positionsAGroupWithTheRealDecisionTables() {
        String id = given().contentType(ContentType.JSON).body("""
                {"name": "7天减脂 引流群", "platform": "WECHAT", "aidass": {"from": "INTEREST", "to": "DESIRE"},
                 "fiveW1H": {"why": "fill the camp", "what": "free plan", "where": "WeChat", "who": "office workers",
                             "when": {"lifecycleHours": 72}, "how": "IN_GROUP_CONVERSION"}}
                """)
                .when().post("/groups")
                .then().statusCode(201)
                .body("type", equalTo("LEAD"))
                .body("findings.code", hasItem("LEAD_TOO_LONG"))
                .body("decisions.positioning.tableVersion", startsWith("sha256:"))
                .body("decisions.fiveW1H.table", equalTo("FiveW1H"))
                .extract().path("id");

        given().when().get("/groups/" + id).then().statusCode(200).body("type", equalTo("LEAD"));

        given().contentType(ContentType.JSON).body("""
                {"name": "no lifecycle", "platform": "WECOM", "aidass": {"from": "DESIRE", "to": "ACTION"},
                 "fiveW1H": {"why": "sell the camp", "what": "30-day camp", "who": "parents", "how": "PAID_ENTRY"}}
                """)
                .when().post("/groups")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("findings.code", hasItem("NO_LIFECYCLE"));
    }

    @Test
    void activitiesBecomePointsExactlyOnceAcrossKills() {
        String memberId = createMember();
        String groupId = UUID.randomUUID().toString();
        List<Map<String, Object>> activities = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String type = ACTIVITY_TYPES.get(i % ACTIVITY_TYPES.size());
            activities.add(Map.of("type", type, "groupId", i % 2 == 0 ? groupId : "",
                    "occurredAt", Instant.now().toString(), "idempotencyKey", "it-" + memberId + "-" + i));
        }
        int expected = activities.stream().mapToInt(this::rewardFor).sum();

        // First third, then kill -9 member-service while decisions are in flight.
        activities.subList(0, 20).forEach(a -> record(memberId, a));
        PlatformResource.members.kill();
        PlatformResource.members.restart();
        // Second third, then kill -9 rules-service while activities are in flight.
        activities.subList(20, 40).forEach(a -> record(memberId, a));
        PlatformResource.rules.kill();
        PlatformResource.rules.restart();
        // Last third, each sent twice: the idempotency key makes the second one a no-op.
        activities.subList(40, 60).forEach(a -> record(memberId, a));
        activities.subList(40, 60).forEach(a -> record(memberId, a));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                .baseUri(PlatformResource.members.url())
                .when().get("/members/" + memberId + "/points?limit=500")
                .then().statusCode(200)
                .body("entries.size()", equalTo(60))
                .body("balance", equalTo(expected)));

        // Nothing arrives late and counts twice.
        Response points = given().baseUri(PlatformResource.members.url())
                .when().get("/members/" + memberId + "/points?limit=500");
        List<String> credited = points.path("entries.activityId");
        assertEquals(60, credited.stream().distinct().count(), "one ledger entry per activity");
        assertEquals(expected, (int) points.path("balance"));
    }

    private String createMember() {
        return given().baseUri(PlatformResource.members.url()).contentType(ContentType.JSON)
                .body(Map.of("sourceSystem", "platform-it", "externalId", UUID.randomUUID().toString(),
                        "displayName", "小林"))
                .when().post("/members")
                .then().statusCode(201)
                .extract().path("id");
    }

    private void record(String memberId, Map<String, Object> activity) {
        Map<String, Object> body = new java.util.HashMap<>(activity);
        if ("".equals(body.get("groupId"))) {
            body.remove("groupId");
        }
        given().baseUri(PlatformResource.members.url()).contentType(ContentType.JSON).body(body)
                .when().post("/members/" + memberId + "/activities")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** What the Rewards table says this activity is worth, asked synchronously: no numbers in the test. */
    private int rewardFor(Map<String, Object> activity) {
        Map<String, Object> question = new java.util.HashMap<>(Map.of("activityType", activity.get("type")));
        if (!"".equals(activity.get("groupId"))) {
            question.put("groupId", activity.get("groupId"));
        }
        return given().baseUri(PlatformResource.rules.url()).contentType(ContentType.JSON).body(question)
                .when().post("/decisions/reward")
                .then().statusCode(200)
                .extract().path("points");
    }
}
