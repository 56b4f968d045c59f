package io.qunyun.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.rules.domain.positioning.AidassStage;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The span rows of the GroupPositioning table without hints (what campaign-service asks) and every
 * other span, through POST /decisions/positioning. Hint rows and priorities: decision-cases/GroupPositioning.csv (src/main/resources).
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class PositioningDecisionRestTest {

    /** Spans the default table classifies (screened or not); every other span must stay unclassified. */
    static final Set<String> CLASSIFIED = Set.of("INTEREST..DESIRE", "DESIRE..ACTION", "SATISFACTION..SHARE",
            "INTEREST..SHARE", "ACTION..SATISFACTION", "ATTENTION..INTEREST", "ACTION..SHARE");

    static final String FALLBACK = "P99 unclassified fallback";

    @ParameterizedTest(name = "{0}..{1} screened={2} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            INTEREST     | DESIRE       | -     | P01 lead group interest to desire                | LEAD       | 48  | LIGHT  | TRANSACTION
            INTEREST     | DESIRE       | true  | P01 lead group interest to desire                | LEAD       | 48  | LIGHT  | TRANSACTION
            DESIRE       | ACTION       | false | P02 conversion camp desire to action             | CONVERSION | 792 | HEAVY  | CONVERSATION
            DESIRE       | ACTION       | true  | P02 conversion camp desire to action             | CONVERSION | 792 | HEAVY  | CONVERSATION
            SATISFACTION | SHARE        | false | P03 fan group satisfaction to share, unscreened  | FAN        | -   | MEDIUM | CONVERSATION
            SATISFACTION | SHARE        | -     | P03 fan group satisfaction to share, unscreened  | FAN        | -   | MEDIUM | CONVERSATION
            SATISFACTION | SHARE        | true  | P04 core fans satisfaction to share, screened    | CORE_FANS  | -   | MEDIUM | CONVERSATION
            INTEREST     | SHARE        | false | P05 flash group interest to share                | FLASH      | 72  | HEAVY  | TRANSACTION
            INTEREST     | SHARE        | true  | P05 flash group interest to share                | FLASH      | 72  | HEAVY  | TRANSACTION
            ACTION       | SATISFACTION | -     | P06 delivery group action to satisfaction        | DELIVERY   | 720 | MEDIUM | CONVERSATION
            ACTION       | SATISFACTION | true  | P06 delivery group action to satisfaction        | DELIVERY   | 720 | MEDIUM | CONVERSATION
            ATTENTION    | INTEREST     | -     | P07 newcomer group attention to interest         | NEWCOMER   | 168 | LIGHT  | TRANSACTION
            ACTION       | SHARE        | true  | P08 repurchase group action to share             | REPURCHASE | -   | MEDIUM | TRANSACTION
            """)
    void everyRowDecides(String from, String to, Boolean screened, String rule, String type, Integer lifespanHours,
            String intensity, String primaryMetric) {
        ValidatableResponse response = post(from, to, screened)
                .body("type", equalTo(type))
                .body("intensity", equalTo(intensity))
                .body("primaryMetric", equalTo(primaryMetric))
                .body("firedRules", contains(rule, FALLBACK))
                .body("decidedBy", equalTo(rule))
                .body("table", equalTo("GroupPositioning"))
                .body("tableVersion", startsWith("sha256:"));
        if (lifespanHours == null) {
            response.body("lifespanHours", nullValue()); // open-ended, and present as null rather than missing
            response.body("$", org.hamcrest.Matchers.hasKey("lifespanHours"));
        } else {
            response.body("lifespanHours", equalTo(lifespanHours));
        }
    }

    /** All other ordered spans (including those one stage off a row): only the fallback row fires, type null. */
    static List<Arguments> unclassifiedSpans() {
        List<Arguments> spans = new ArrayList<>();
        for (AidassStage from : AidassStage.values()) {
            for (AidassStage to : AidassStage.values()) {
                if (from.compareTo(to) <= 0 && !CLASSIFIED.contains(from + ".." + to)) {
                    spans.add(Arguments.of(from.name(), to.name(), false));
                    spans.add(Arguments.of(from.name(), to.name(), true));
                }
            }
        }
        return spans;
    }

    @ParameterizedTest(name = "{0}..{1} screened={2} -> no type")
    @MethodSource("unclassifiedSpans")
    void otherSpansAreUnclassified(String from, String to, boolean screened) {
        post(from, to, screened)
                .body("type", nullValue())
                .body("lifespanHours", nullValue())
                .body("intensity", nullValue())
                .body("primaryMetric", nullValue())
                .body("firedRules", contains(FALLBACK))
                .body("decidedBy", equalTo(FALLBACK))
                .body("table", equalTo("GroupPositioning"))
                .body("tableVersion", startsWith("sha256:"));
    }

    @ParameterizedTest(name = "one stage off a row: {0}..{1}")
    @CsvSource({
            "ATTENTION,DESIRE", "INTEREST,ACTION", "INTEREST,INTEREST", "DESIRE,DESIRE",
            "DESIRE,SATISFACTION", "ATTENTION,ACTION", "ATTENTION,ATTENTION", "SHARE,SHARE",
            "DESIRE,SHARE", "ATTENTION,SHARE", "INTEREST,SATISFACTION", "ACTION,ACTION", "SATISFACTION,SATISFACTION"})
    void oneStageOffADefaultRowIsUnclassified(String from, String to) {
        post(from, to, null).body("type", nullValue()).body("firedRules", contains(FALLBACK));
    }

    private static ValidatableResponse post(String from, String to, Boolean screened) {
        String body = "{\"from\":\"" + from + "\",\"to\":\"" + to + "\""
                + (screened == null ? "" : ",\"screened\":" + screened) + "}";
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/decisions/positioning")
                .then().statusCode(200).contentType(ContentType.JSON);
    }
}
