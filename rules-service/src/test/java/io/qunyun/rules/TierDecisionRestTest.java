package io.qunyun.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every row of the Tiers workbook (weights T01–T03, tiers T04–T07) and its boundaries, through POST /decisions/tier. */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class TierDecisionRestTest {

    static final String W1 = "T01 weight of purchases";
    static final String W2 = "T02 weight of content points";
    static final String W3 = "T03 weight of behaviour points";

    /** Growth boundaries, reached through behaviour points alone (weight 1). */
    @ParameterizedTest(name = "growth {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
               0 | NEWBIE     | 1 | T04 newbie     | 新人礼包
             299 | NEWBIE     | 1 | T04 newbie     | 新人礼包
             300 | ACTIVE     | 2 | T05 active     | 积分商城
            1499 | ACTIVE     | 2 | T05 active     | 积分商城
            1500 | CORE       | 3 | T06 core       | 核心群
            4999 | CORE       | 3 | T06 core       | 核心群
            5000 | AMBASSADOR | 4 | T07 ambassador | 大使
            900000 | AMBASSADOR | 4 | T07 ambassador | 大使
            """)
    void everyTierRowAndItsBoundaries(int behaviourPoints, String tier, int rank, String row, String benefits) {
        post(body(0, 0, behaviourPoints, null))
                .body("growthValue", equalTo(behaviourPoints))
                .body("tier", equalTo(tier))
                .body("rank", equalTo(rank))
                .body("benefits", containsString(benefits))
                .body("benefits", containsString(" / "))
                .body("currentTier", nullValue())
                .body("change", nullValue())
                .body("firedRules", contains(W1, W2, W3, row))
                .body("table", equalTo("Tiers"))
                .body("tableVersion", startsWith("sha256:"));
    }

    /** Each weight row on its own, at the ACTIVE threshold and just below it. */
    @ParameterizedTest(name = "{0} purchases, {1} content, {2} behaviour -> growth {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            3 |   0 |   0 | 300 | ACTIVE
            2 |   0 |  99 | 299 | NEWBIE
            0 | 100 |   0 | 300 | ACTIVE
            0 |  99 |   2 | 299 | NEWBIE
            2 |  40 | 100 | 420 | ACTIVE
            """)
    void purchasesContentAndBehaviourAreWeighedDifferently(int purchases, int contentPoints, int behaviourPoints,
            int growth, String tier) {
        post(body(purchases, contentPoints, behaviourPoints, null))
                .body("weights.PURCHASES", equalTo(100))
                .body("weights.CONTENT", equalTo(3))
                .body("weights.BEHAVIOUR", equalTo(1))
                .body("growthValue", equalTo(growth))
                .body("tier", equalTo(tier));
    }

    @ParameterizedTest(name = "current {0}, growth 420 -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NEWBIE     | PROMOTE
            ACTIVE     | KEEP
            CORE       | DEMOTE
            AMBASSADOR | DEMOTE
            """)
    void changeAgainstTheCurrentTier(String currentTier, String change) {
        post(body(2, 40, 100, currentTier))
                .body("tier", equalTo("ACTIVE"))
                .body("currentTier", equalTo(currentTier))
                .body("change", equalTo(change))
                .body("firedRules", contains(W1, W2, W3, "T05 active"));
    }

    @Test
    void memberIdIsAcceptedAndLargeInputsDoNotOverflow() {
        Map<String, Object> body = body(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, "AMBASSADOR");
        body.put("memberId", "5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33");
        post(body)
                .body("growthValue", equalTo(104L * Integer.MAX_VALUE))
                .body("tier", equalTo("AMBASSADOR"))
                .body("change", equalTo("KEEP"));
    }

    static Map<String, Object> body(int purchases, int contentPoints, int behaviourPoints, String currentTier) {
        Map<String, Object> body = new HashMap<>();
        body.put("purchases", purchases);
        body.put("contentPoints", contentPoints);
        body.put("behaviourPoints", behaviourPoints);
        if (currentTier != null) {
            body.put("currentTier", currentTier);
        }
        return body;
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/decisions/tier")
                .then().statusCode(200).contentType(ContentType.JSON);
    }
}
