package io.qunyun.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Every stage × layer combination of the TouchStrategy table (all 21 get an answer), and the
 * group-type rows that override them, through POST /decisions/touch.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class TouchDecisionRestTest {

    static final Map<String, String> ROWS = Map.ofEntries(
            Map.entry("S01", "S01 unaware: fission through core members"),
            Map.entry("S02", "S02 curious core: private invitation"),
            Map.entry("S03", "S03 curious influence: show group life"),
            Map.entry("S04", "S04 acquainted core: 7-day touch plan"),
            Map.entry("S05", "S05 understands core: pre-sales answers"),
            Map.entry("S06", "S06 understands influence: pre-sales answers"),
            Map.entry("S07", "S07 familiar core: offline invitation"),
            Map.entry("S08", "S08 purchased core: after-sales follow-up"),
            Map.entry("S09", "S09 purchased influence: usage tips in the group"),
            Map.entry("S10", "S10 repurchased core: hand over a community role"),
            Map.entry("S11", "S11 repurchased influence: amplify sharers"),
            Map.entry("S13", "S13 influence default: moments interaction"),
            Map.entry("S14", "S14 periphery default: core members drive the group"),
            Map.entry("S15", "S15 conversion camp purchased core: study supervision"),
            Map.entry("S16", "S16 lead group: do not over-operate"));

    @ParameterizedTest(name = "{0} × {1} × {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
            UNAWARE               | CORE      | ~          | S01         | MOMENTS         | CORE_MEMBER        | LOW
            UNAWARE               | INFLUENCE | ~          | S01 S13     | MOMENTS         | CORE_MEMBER        | LOW
            UNAWARE               | PERIPHERY | ~          | S01 S14     | MOMENTS         | CORE_MEMBER        | LOW
            CURIOUS               | CORE      | ~          | S02         | ONE_ON_ONE_CHAT | STEWARD            | HIGH
            CURIOUS               | INFLUENCE | ~          | S03 S13     | MOMENTS         | STEWARD            | MEDIUM
            CURIOUS               | PERIPHERY | ~          | S14         | GROUP_POST      | CORE_MEMBER        | LOW
            ACQUAINTED            | CORE      | ~          | S04         | ONE_ON_ONE_CHAT | STEWARD            | HIGH
            ACQUAINTED            | INFLUENCE | ~          | S13         | MOMENTS         | STEWARD            | MEDIUM
            ACQUAINTED            | PERIPHERY | ~          | S14         | GROUP_POST      | CORE_MEMBER        | LOW
            UNDERSTANDS           | CORE      | ~          | S05         | ONE_ON_ONE_CHAT | PRE_SALES          | HIGH
            UNDERSTANDS           | INFLUENCE | ~          | S06 S13     | ONE_ON_ONE_CHAT | PRE_SALES          | MEDIUM
            UNDERSTANDS           | PERIPHERY | ~          | S14         | GROUP_POST      | CORE_MEMBER        | LOW
            FAMILIAR              | CORE      | ~          | S07         | OFFLINE         | OWNER              | HIGH
            FAMILIAR              | INFLUENCE | ~          | S13         | MOMENTS         | STEWARD            | MEDIUM
            FAMILIAR              | PERIPHERY | ~          | S14         | GROUP_POST      | CORE_MEMBER        | LOW
            PURCHASED             | CORE      | ~          | S08         | ONE_ON_ONE_CHAT | AFTER_SALES        | HIGH
            PURCHASED             | INFLUENCE | ~          | S09 S13     | GROUP_POST      | AFTER_SALES        | MEDIUM
            PURCHASED             | PERIPHERY | ~          | S14         | GROUP_POST      | CORE_MEMBER        | LOW
            REPURCHASED_OR_SHARES | CORE      | ~          | S10         | OFFLINE         | OWNER              | HIGH
            REPURCHASED_OR_SHARES | INFLUENCE | ~          | S11 S13     | GROUP_POST      | OWNER              | MEDIUM
            REPURCHASED_OR_SHARES | PERIPHERY | ~          | S14         | GROUP_POST      | CORE_MEMBER        | LOW
            PURCHASED             | CORE      | CONVERSION | S15 S08     | ONE_ON_ONE_CHAT | TEACHING_ASSISTANT | HIGH
            PURCHASED             | INFLUENCE | CONVERSION | S09 S13     | GROUP_POST      | AFTER_SALES        | MEDIUM
            PURCHASED             | CORE      | FAN        | S08         | ONE_ON_ONE_CHAT | AFTER_SALES        | HIGH
            UNAWARE               | CORE      | LEAD       | S16 S01     | GROUP_POST      | OWNER              | LOW
            CURIOUS               | PERIPHERY | LEAD       | S16 S14     | GROUP_POST      | OWNER              | LOW
            FAMILIAR              | INFLUENCE | LEAD       | S16 S13     | GROUP_POST      | OWNER              | LOW
            """)
    void everyStageAndLayerGetsAnAnswer(String stage, String layer, String groupType, String fired, String channel,
            String ownerRole, String priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("stage", stage);
        body.put("layer", layer);
        if (groupType != null) {
            body.put("groupType", groupType);
        }
        String[] expectedFired = java.util.Arrays.stream(fired.split(" ")).map(ROWS::get).toArray(String[]::new);
        post(body)
                .body("decidedBy", equalTo(expectedFired[0]))
                .body("firedRules", contains(expectedFired))
                .body("channel", equalTo(channel))
                .body("ownerRole", equalTo(ownerRole))
                .body("priority", equalTo(priority))
                .body("action", containsString(" / "))
                .body("table", equalTo("TouchStrategy"))
                .body("tableVersion", startsWith("sha256:"));
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/decisions/touch")
                .then().statusCode(200).contentType(ContentType.JSON);
    }
}
