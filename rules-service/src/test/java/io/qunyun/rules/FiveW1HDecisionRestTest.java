package io.qunyun.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
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

/** Every row of the FiveW1H table, its boundaries and combinations, through POST /decisions/five-w-one-h. */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class FiveW1HDecisionRestTest {

    /** A flash group that answers every question: nothing to report. */
    static Map<String, Object> complete() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("groupType", "FLASH");
        answers.put("screened", false);
        answers.put("why", "清仓快闪 / clearance flash sale");
        answers.put("what", "限时折扣 / limited-time discount");
        answers.put("where", "WeCom");
        answers.put("who", "existing customers");
        answers.put("lifecycleHours", 72);
        answers.put("how", "IN_GROUP_CONVERSION");
        return answers;
    }

    @Test
    void completeAnswersHaveNoFindings() {
        post(complete())
                .body("blocked", equalTo(false))
                .body("findings", empty())
                .body("firedRules", empty())
                .body("table", equalTo("FiveW1H"))
                .body("tableVersion", startsWith("sha256:"));
    }

    /** One answer changed at a time; "-" removes it, "blank" sends whitespace. */
    @ParameterizedTest(name = "{0}={1} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            lifecycleHours | -       | F01 when missing blocks      | BLOCK | NO_LIFECYCLE    | true
            groupType      | -       | F02 span unclassified blocks | BLOCK | SPAN_UNCLASSIFIED | true
            why            | -       | F03 why missing              | WARN  | NO_PURPOSE      | false
            why            | blank   | F03 why missing              | WARN  | NO_PURPOSE      | false
            what           | -       | F04 what missing             | WARN  | NO_MEMBER_VALUE | false
            what           | blank   | F04 what missing             | WARN  | NO_MEMBER_VALUE | false
            who            | -       | F05 who missing              | WARN  | NO_AUDIENCE     | false
            how            | -       | F06 how missing              | WARN  | NO_MONETIZATION | false
            where          | -       | F07 where missing            | INFO  | NO_PLACE        | false
            where          | blank   | F07 where missing            | INFO  | NO_PLACE        | false
            """)
    void eachMissingAnswerIsOneFinding(String field, String value, String rule, String severity, String code,
            boolean blocked) {
        Map<String, Object> answers = complete();
        if (value.equals("-")) {
            answers.remove(field);
        } else {
            answers.put(field, "   ");
        }
        post(answers)
                .body("blocked", equalTo(blocked))
                .body("findings.code", contains(code))
                .body("findings[0].severity", equalTo(severity))
                .body("findings[0].rule", equalTo(rule))
                .body("findings[0].message", org.hamcrest.Matchers.containsString(" / "))
                .body("firedRules", contains(rule));
    }

    @ParameterizedTest(name = "{0} {1}h screened={2} how={3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            LEAD       | 49  | false | IN_GROUP_CONVERSION | F08 lead group lives too long
            LEAD       | 48  | false | IN_GROUP_CONVERSION | -
            LEAD       | 12  | false | IN_GROUP_CONVERSION | -
            CONVERSION | 792 | false | IN_GROUP_CONVERSION | -
            FLASH      | 49  | false | IN_GROUP_CONVERSION | -
            CORE_FANS  | 720 | false | PAID_ENTRY          | F09 core fans without screening
            CORE_FANS  | 720 | true  | PAID_ENTRY          | -
            FAN        | 720 | false | PAID_ENTRY          | -
            CORE_FANS  | 720 | true  | HARD_SELLING        | F10 core fans with hard selling
            CORE_FANS  | 720 | true  | NONE                | -
            FAN        | 720 | false | HARD_SELLING        | -
            """)
    void typeSpecificRowsAndTheirBoundaries(String groupType, int lifecycleHours, boolean screened, String how,
            String expectedRule) {
        Map<String, Object> answers = complete();
        answers.put("groupType", groupType);
        answers.put("lifecycleHours", lifecycleHours);
        answers.put("screened", screened);
        answers.put("how", how);
        ValidatableResponse response = post(answers).body("blocked", equalTo(false));
        if (expectedRule == null) {
            response.body("findings", empty()).body("firedRules", empty());
        } else {
            response.body("firedRules", contains(expectedRule))
                    .body("findings.severity", contains("WARN"))
                    .body("findings.rule", contains(expectedRule));
        }
    }

    @Test
    void coreFansUnscreenedAndHardSellingGetBothWarnings() {
        Map<String, Object> answers = complete();
        answers.put("groupType", "CORE_FANS");
        answers.remove("screened"); // missing counts as not screened
        answers.put("how", "HARD_SELLING");
        post(answers)
                .body("blocked", equalTo(false))
                .body("findings.code", contains("CORE_FANS_UNSCREENED", "CORE_FANS_HARD_SELLING"))
                .body("firedRules", contains("F09 core fans without screening", "F10 core fans with hard selling"));
    }

    @Test
    void emptyRequestBlocksAndListsMostSevereFirst() {
        post(Map.of())
                .body("blocked", equalTo(true))
                .body("findings.code", contains("NO_LIFECYCLE", "SPAN_UNCLASSIFIED", "NO_PURPOSE", "NO_MEMBER_VALUE",
                        "NO_AUDIENCE", "NO_MONETIZATION", "NO_PLACE"))
                .body("findings.severity", contains("BLOCK", "BLOCK", "WARN", "WARN", "WARN", "WARN", "INFO"))
                .body("findings.rule", everyItem(startsWith("F0")))
                .body("firedRules", containsInAnyOrder("F01 when missing blocks", "F02 span unclassified blocks",
                        "F03 why missing", "F04 what missing", "F05 who missing", "F06 how missing",
                        "F07 where missing"));
    }

    @Test
    void leadWithoutLifecycleIsBlockedButNotTooLong() {
        Map<String, Object> answers = complete();
        answers.put("groupType", "LEAD");
        answers.remove("lifecycleHours");
        post(answers)
                .body("blocked", equalTo(true))
                .body("findings.code", contains("NO_LIFECYCLE"));
    }

    private static ValidatableResponse post(Map<String, Object> answers) {
        return given().contentType(ContentType.JSON).body(answers)
                .when().post("/decisions/five-w-one-h")
                .then().statusCode(200).contentType(ContentType.JSON);
    }
}
