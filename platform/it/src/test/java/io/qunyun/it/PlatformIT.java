package io.qunyun.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.qunyun.testkit.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Both slices across the three packaged services, over a real Kafka broker and the real
 * PostgreSQL: group positioning (campaign → rules over REST) and the points loop
 * (member → Kafka → rules → Kafka → member), including kills of member-service and rules-service
 * in the middle of the flow.
 */
class PlatformIT {

    /**
     * Activities of the kill test. Forbidden behaviour is left out and each activity happens on a day
     * of its own: then the member's Rewards context (prior offences, streaks) and the daily credit caps
     * of the PointsPolicy table never change what an activity earns, and the test can ask the Rewards
     * table for each activity's worth. Caps, streaks and offences have their own tests in member-service.
     */
    private static final List<String> ACTIVITY_TYPES = List.of("CHECK_IN", "SHARE", "CONTENT_POST", "PURCHASE");

    @BeforeAll
    static void start() {
        PlatformResource.start();
        // Requests without a base URI go to campaign-service.
        RestAssured.baseURI = PlatformResource.campaign.url();
        RestAssured.port = RestAssured.UNDEFINED_PORT;
        // The packaged services check bearer tokens: this test's calls run as an admin (the services'
        // calls to each other carry the integration token PlatformResource configures).
        TestTokens.everyRequestAs("admin");
    }

    @AfterAll
    static void stop() {
        RestAssured.reset();
        PlatformResource.stop();
    }

    /** Each packaged service: ready on its database and the broker, its OpenAPI document served, errors as problems. */
    @Test
    void eachPackagedServiceIsReadyOnItsDatabaseAndTheBroker() {
        for (ServiceProcess service : List.of(PlatformResource.rules, PlatformResource.members, PlatformResource.campaign)) {
            given().baseUri(service.url()).when().get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Database")));
            given().baseUri(service.url()).when().get("/q/openapi").then().statusCode(200);
            given().baseUri(service.url()).when().get("/no-such-route").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().baseUri(PlatformResource.members.url()).when().get("/q/health/ready").then()
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("Kafka")));
        given().baseUri(PlatformResource.members.url()).when().get("/members/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

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
        List<Map<String, Object>> activities = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String type = ACTIVITY_TYPES.get(i % ACTIVITY_TYPES.size());
            // outside any group: an activity may only name a group its member was in then (issue 23)
            activities.add(Map.of("type", type, "groupId", "",
                    "occurredAt", Instant.now().minus(Duration.ofDays(i)).toString(),
                    "idempotencyKey", "it-" + memberId + "-" + i));
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

    /**
     * The 30-day conversion camp on a positioned group, on campaign-service's virtual clock (the demo
     * profile): the group reaches member-service over group-changes, members join there, every phase
     * starts in order and ends, each phase change reaches member-service over campaign-phase-changed
     * (a share in WRAP_UP is decided with the phase, by the Rewards table), and the timeline ends with
     * nothing left pending.
     */
    @Test
    void runsAThirtyDayCampOnThePositionedGroup() {
        String group = given().contentType(ContentType.JSON).body("""
                {"name": "30天减脂训练营", "platform": "WECOM", "aidass": {"from": "DESIRE", "to": "ACTION"},
                 "timeZone": "Asia/Shanghai",
                 "fiveW1H": {"why": "convert", "what": "30-day camp", "where": "WeCom", "who": "office workers",
                             "when": {"lifecycleHours": 792}, "how": "PAID_ENTRY"}}
                """)
                .when().post("/groups")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> given()
                .baseUri(PlatformResource.members.url()).when().get("/groups/" + group)
                .then().statusCode(200).body("timeZone", equalTo("Asia/Shanghai")));
        String owner = createMember();
        join(group, owner, List.of("OWNER"));
        String member = createMember();
        join(group, member, List.of());

        String now = given().when().get("/clock").then().statusCode(200).body("virtual", equalTo(true))
                .extract().path("instant");
        String start = java.time.LocalDate.ofInstant(Instant.parse(now), java.time.ZoneId.of("Asia/Shanghai"))
                .plusDays(1).toString();
        String campaign = given().contentType(ContentType.JSON).body(Map.of("templateId", "conversion-camp-30d",
                "groupIds", List.of(group), "startDate", start,
                "northStar", Map.of("metric", "paid_conversions", "target", 10)))
                .when().post("/campaigns")
                .then().statusCode(201).body("state", equalTo("SCHEDULED")).extract().path("id");

        // The clock moves to each pending step's due instant in turn, so every step fires on time (a jump
        // of a whole day would reach most steps past their staleness window and expire them).
        List<String> phases = new ArrayList<>();
        boolean sharedInWrapUp = false;
        for (int moves = 0; moves < 400; moves++) {
            List<String> due = given().when().get("/campaigns/" + campaign + "/timeline?limit=5000")
                    .then().statusCode(200).extract().path("items.findAll { it.state == 'PENDING' }.dueAt");
            Instant clock = Instant.parse(given().when().get("/clock").then().extract().path("instant"));
            Instant next = due.stream().map(Instant::parse).filter(d -> d.isAfter(clock)).min(Instant::compareTo)
                    .orElse(null);
            if (next == null) {
                // after the last step: past the grace days, the camp ends
                given().contentType(ContentType.JSON).body(Map.of("duration", "P4D"))
                        .when().post("/clock/advance").then().statusCode(200);
            } else {
                given().contentType(ContentType.JSON).body(Map.of("instant", next.toString()))
                        .when().put("/clock").then().statusCode(200);
            }
            String phase = given().when().get("/campaigns/" + campaign).then().statusCode(200).extract().path("phase");
            if (phase != null && (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase))) {
                phases.add(phase);
            }
            if ("WRAP_UP".equals(phase) && !sharedInWrapUp) {
                sharedInWrapUp = true;
                String share = "it-share-" + UUID.randomUUID();
                // member-service learns the phase from campaign-phase-changed; its Rewards context carries it
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    record(member, Map.of("type", "SHARE", "groupId", group, "occurredAt", Instant.now().toString(),
                            "idempotencyKey", share + "-" + System.nanoTime()));
                    given().baseUri(PlatformResource.members.url()).when().get("/members/" + member + "/points")
                            .then().statusCode(200)
                            .body("entries.firedRules.flatten()", hasItem(startsWith("R10")));
                });
            }
            if (next == null) {
                break;
            }
        }
        assertEquals(List.of("WARM_UP", "BUILD_UP", "CLIMAX", "WRAP_UP", "GRACE", "ENDED"), phases);
        given().when().get("/campaigns/" + campaign).then().statusCode(200).body("state", equalTo("COMPLETED"));

        List<String> states = given().when().get("/campaigns/" + campaign + "/timeline?limit=5000")
                .then().statusCode(200).extract().path("items.state");
        assertEquals(List.of(), states.stream().filter(s -> s.equals("PENDING") || s.equals("MATERIALISING")).toList(),
                "every step of a finished camp has fired, been skipped or expired");
        List<String> done = given().when().get("/campaigns/" + campaign + "/timeline?limit=5000")
                .then().extract().path("items.findAll { it.state == 'DONE' }.stepId");
        org.hamcrest.MatcherAssert.assertThat(done, org.hamcrest.Matchers.hasItems("opening-ceremony",
                "kol-sharing-session", "limited-offer", "closing-ceremony", "review"));
    }

    /**
     * A lead group ends with its lifespan (the GroupPositioning decision's 48 h) on campaign-service's
     * virtual clock; its members are invited into the successor camp through member-service's
     * admission, the member further along first, and the lead group's memberships are closed.
     */
    @Test
    void leadGroupExpiresAndItsMembersAreInvitedIntoTheCampFirstTheMostPromising() {
        String lead = given().contentType(ContentType.JSON).body("""
                {"name": "7天减脂 引流群 #2", "platform": "WECOM", "aidass": {"from": "INTEREST", "to": "DESIRE"},
                 "fiveW1H": {"why": "fill the camp", "what": "free plan", "where": "WeCom", "who": "office workers",
                             "when": {"lifecycleHours": 48}, "how": "IN_GROUP_CONVERSION"}}
                """).when().post("/groups").then().statusCode(201).body("type", equalTo("LEAD")).extract().path("id");
        String camp = given().contentType(ContentType.JSON).body("""
                {"name": "7天计划营", "platform": "WECOM", "aidass": {"from": "DESIRE", "to": "ACTION"},
                 "fiveW1H": {"why": "convert", "what": "7-day plan", "where": "WeCom", "who": "office workers",
                             "when": {"lifecycleHours": 168}, "how": "PAID_ENTRY"}}
                """).when().post("/groups").then().statusCode(201).extract().path("id");
        for (String g : List.of(lead, camp)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> given()
                    .baseUri(PlatformResource.members.url()).when().get("/groups/" + g).then().statusCode(200));
        }
        given().contentType(ContentType.JSON).body(Map.of("successorGroupId", camp))
                .when().put("/groups/" + lead + "/successor").then().statusCode(200);
        String owner = createMember();
        join(lead, owner, List.of("OWNER"));
        String curious = createMember();
        join(lead, curious, List.of());
        String buyer = createMember();
        join(lead, buyer, List.of());
        // the buyer interacts and buys in the lead group: MemberStanding moves them along (stage PURCHASED)
        for (String type : List.of("CHECK_IN", "CONTENT_POST", "PURCHASE")) {
            record(buyer, Map.of("type", type, "groupId", lead, "occurredAt", Instant.now().toString(),
                    "idempotencyKey", "it-lead-" + buyer + "-" + type));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                .baseUri(PlatformResource.members.url()).when().get("/members/" + buyer + "/groups").then()
                .statusCode(200).body("[0].stage", equalTo("PURCHASED")));

        List<Map<String, Object>> preview = given().queryParam("verdict", "EXPIRE")
                .when().get("/groups/" + lead + "/lifecycle/preview").then().statusCode(200)
                .body("cause", equalTo("LIFESPAN_EXPIRY")).body("closureKind", equalTo("TRANSFERRED"))
                .extract().path("tasks");
        assertEquals(List.of(buyer, curious), preview.stream().map(t -> (String) t.get("memberId")).toList(),
                "the staff owner is not invited; the buyer comes first");

        given().contentType(ContentType.JSON).body(Map.of("duration", "PT48H"))
                .when().post("/clock/advance").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            given().contentType(ContentType.JSON).body(Map.of("duration", "PT1M"))
                    .when().post("/clock/advance").then().statusCode(200);
            given().when().get("/groups/" + lead + "/lifecycle").then().statusCode(200)
                    .body("state", equalTo("DISSOLVED"))
                    // GroupHealth may have judged the group before it expired (an OK, a REVIVE, or a skipped
                    // TRANSFER/DISSOLVE: a lead group ends by lifespan only); the expiry is the one ending
                    .body("actions.findAll { it.cause == 'LIFESPAN_EXPIRY' }.size()", equalTo(1))
                    .body("actions.find { it.cause == 'LIFESPAN_EXPIRY' }.table", equalTo("GroupPositioning"))
                    .body("actions.find { it.cause == 'LIFESPAN_EXPIRY' }.tableVersion", startsWith("sha256:"))
                    .body("tasks.status", everyItem(equalTo("JOINED")));
        });
        List<String> inCamp = given().baseUri(PlatformResource.members.url()).when().get("/groups/" + camp + "/members")
                .then().statusCode(200).extract().path("items.memberId");
        assertEquals(java.util.Set.of(buyer, curious), java.util.Set.copyOf(inCamp));
        given().baseUri(PlatformResource.members.url()).when().get("/members/" + curious + "/groups").then()
                .statusCode(200).body("find { it.groupId == '" + lead + "' }.exitKind", equalTo("TRANSFERRED"))
                .body("find { it.groupId == '" + camp + "' }.invitedFromGroupId", equalTo(lead));
    }

    private void join(String group, String member, List<String> roles) {
        given().baseUri(PlatformResource.members.url()).contentType(ContentType.JSON)
                .body(Map.of("memberId", member, "roles", roles))
                .when().post("/groups/" + group + "/members")
                .then().statusCode(201);
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
