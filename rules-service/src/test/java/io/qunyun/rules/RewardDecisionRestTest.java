package io.qunyun.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.rules.domain.reward.RewardDecision;
import io.qunyun.rules.domain.reward.RewardService;
import io.restassured.http.ContentType;

/** Every row of the Rewards table, through POST /decisions/reward. */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class RewardDecisionRestTest {

    static final String GROUP = "9a1e5c7b-2d4f-4e8a-b6c3-1f0d2e3a4b5c";

    @ParameterizedTest(name = "{0} in group {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CHECK_IN     | false | R01 check-in                   |  10 | 1 |  10 | 打卡 / Check-in
            CHECK_IN     | true  | R02 check-in shared in a group |  10 | 2 |  20 | 群内打卡分享，双倍积分 / Check-in shared in a group earns double
            SHARE        | false | R03 share                      |   5 | 1 |   5 | 分享 / Share
            SHARE        | true  | R03 share                      |   5 | 1 |   5 | 分享 / Share
            CONTENT_POST | false | R04 content post               |  15 | 1 |  15 | 发布内容 / Content post
            CONTENT_POST | true  | R04 content post               |  15 | 1 |  15 | 发布内容 / Content post
            PURCHASE     | false | R05 purchase                   |  50 | 1 |  50 | 购买 / Purchase
            PURCHASE     | true  | R05 purchase                   |  50 | 1 |  50 | 购买 / Purchase
            AD_SPAM      | false | R06 advertising in the group   | -50 | 1 | -50 | 发广告，扣分 / Advertising in the group costs points
            AD_SPAM      | true  | R06 advertising in the group   | -50 | 1 | -50 | 发广告，扣分 / Advertising in the group costs points
            """)
    void everyRowDecides(String activityType, boolean inGroup, String rule, int basePoints, int multiplier, int points,
            String reason) {
        String body = inGroup
                ? "{\"activityType\":\"" + activityType + "\",\"groupId\":\"" + GROUP + "\"}"
                : "{\"activityType\":\"" + activityType + "\"}";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/decisions/reward")
                .then().statusCode(200)
                .body("points", equalTo(points))
                .body("basePoints", equalTo(basePoints))
                .body("multiplier", equalTo(multiplier))
                .body("reason", equalTo(reason))
                .body("firedRules", contains(rule))
                .body("table", equalTo("Rewards"))
                .body("tableVersion", startsWith("sha256:"));
    }

    @Test
    void optionalFieldsAreAcceptedAndOnlyTheGroupMatters() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"activityType":"CHECK_IN","groupId":"%s","activityId":"0b8f8f0e-6c1e-4b53-9b61-0d4b8a1f2c10",
                         "memberId":"5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33","occurredAt":"2026-11-21T08:14:58Z"}
                        """.formatted(GROUP))
                .when().post("/decisions/reward")
                .then().statusCode(200)
                .body("points", equalTo(20))
                .body("firedRules", contains("R02 check-in shared in a group"));
        given().contentType(ContentType.JSON).body("{\"activityType\":\"CHECK_IN\",\"groupId\":null}")
                .when().post("/decisions/reward")
                .then().statusCode(200)
                .body("points", equalTo(10))
                .body("firedRules", contains("R01 check-in"));
    }

    @Inject
    RewardService rewards;

    /** Events may carry types the REST enum does not know: no row matches, nothing is credited. */
    @Test
    void unknownActivityTypeEarnsNothing() {
        for (boolean inGroup : new boolean[] {false, true}) {
            RewardDecision decision = rewards.decide("DANCE", inGroup);
            assertEquals(0, decision.points());
            assertEquals(0, decision.basePoints());
            assertEquals(1, decision.multiplier());
            assertEquals("no reward rule matched", decision.reason());
            assertTrue(decision.firedRules().isEmpty());
            assertTrue(decision.tableVersion().startsWith("sha256:"));
        }
    }
}
