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

/**
 * Every row of the GroupHealth table and its boundaries, through POST /decisions/group-health. Each
 * case changes a healthy fan group (20 messages a day, half the members active, 60 % check-ins,
 * 3 conversions, 200 hours old, open-ended) and expects the deciding row and every row that fired.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class GroupHealthDecisionRestTest {

    static final String H01 = "H01 lifespan over but members still active";
    static final String H02 = "H02 lifespan over";
    static final String H03 = "H03 new group warming up";
    static final String H04 = "H04 dead group";
    static final String H05 = "H05 dying with a few members active";
    static final String H06 = "H06 conversion group without conversions for a week";
    static final String H07 = "H07 check-ins dropping";
    static final String H08 = "H08 quiet group";
    static final String H09 = "H09 healthy";

    static Map<String, Object> healthy() {
        Map<String, Object> metrics = new HashMap<>();
        metrics.put("groupType", "FAN");
        metrics.put("messagesPerDay", 20);
        metrics.put("activeMemberRatio", 0.5);
        metrics.put("checkInRate", 0.6);
        metrics.put("conversions", 3);
        metrics.put("ageHours", 200);
        return metrics;
    }

    /** changes: "field=value" pairs separated by ';' ("-" removes the field); fired: row ids separated by ' '. */
    @ParameterizedTest(name = "{0} -> {1} by {3}")
    @CsvSource(delimiter = '|', nullValues = "~", textBlock = """
            ~                                              | OK              | ~                 | H09 | H09
            lifespanHours=200                              | TRANSFER_ACTIVE | ~                 | H01 | H01 H02 H09
            lifespanHours=200;activeMemberRatio=0.2        | TRANSFER_ACTIVE | ~                 | H01 | H01 H02 H09
            lifespanHours=200;activeMemberRatio=0.19       | DISSOLVE        | ~                 | H02 | H02 H09
            lifespanHours=201                              | OK              | ~                 | H09 | H09
            lifespanHours=48;ageHours=71                   | TRANSFER_ACTIVE | ~                 | H01 | H01 H02 H03 H09
            lifespanHours=48;ageHours=71;activeMemberRatio=0 | DISSOLVE      | ~                 | H02 | H02 H03 H09
            ageHours=71;messagesPerDay=0;activeMemberRatio=0 | OK            | ~                 | H03 | H03 H04 H05 H08 H09
            ageHours=72                                    | OK              | ~                 | H09 | H09
            messagesPerDay=0.5;activeMemberRatio=0.04      | DISSOLVE        | ~                 | H04 | H04 H05 H08 H09
            messagesPerDay=0.5;activeMemberRatio=0.05      | TRANSFER_ACTIVE | ~                 | H05 | H05 H08 H09
            messagesPerDay=1;activeMemberRatio=0.04        | TRANSFER_ACTIVE | ~                 | H05 | H05 H08 H09
            messagesPerDay=1.99                            | TRANSFER_ACTIVE | ~                 | H05 | H05 H08 H09
            groupType=CONVERSION;conversions=0;ageHours=168 | REVIVE         | THEMED_ACTIVITY   | H06 | H06 H09
            groupType=CONVERSION;conversions=0;ageHours=167 | OK             | ~                 | H09 | H09
            groupType=CONVERSION;conversions=1;ageHours=168 | OK             | ~                 | H09 | H09
            conversions=0                                  | OK              | ~                 | H09 | H09
            groupType=-;conversions=0                      | OK              | ~                 | H09 | H09
            checkInRate=0.19                               | REVIVE          | SCRIPTED_ACTIVITY | H07 | H07 H09
            checkInRate=0.2                                | OK              | ~                 | H09 | H09
            checkInRate=0.1;messagesPerDay=3               | REVIVE          | SCRIPTED_ACTIVITY | H07 | H07 H08 H09
            messagesPerDay=2                               | REVIVE          | RED_PACKET        | H08 | H08 H09
            messagesPerDay=4.99                            | REVIVE          | RED_PACKET        | H08 | H08 H09
            messagesPerDay=5                               | OK              | ~                 | H09 | H09
            groupType=CONVERSION;conversions=0;checkInRate=0;messagesPerDay=3 | REVIVE | THEMED_ACTIVITY | H06 | H06 H07 H08 H09
            """)
    void highestPriorityMatchingRowDecides(String changes, String verdict, String reviveKind, String decidedBy,
            String fired) {
        Map<String, Object> metrics = healthy();
        if (changes != null) {
            for (String change : changes.split(";")) {
                String[] kv = change.split("=");
                if (kv[1].equals("-")) {
                    metrics.remove(kv[0]);
                } else if (kv[0].equals("groupType")) {
                    metrics.put(kv[0], kv[1]);
                } else if (kv[1].contains(".")) {
                    metrics.put(kv[0], Double.parseDouble(kv[1]));
                } else {
                    metrics.put(kv[0], Integer.parseInt(kv[1]));
                }
            }
        }
        String[] expectedFired = java.util.Arrays.stream(fired.split(" ")).map(GroupHealthDecisionRestTest::row)
                .toArray(String[]::new);
        post(metrics)
                .body("verdict", equalTo(verdict))
                .body("reviveKind", equalTo(reviveKind))
                .body("decidedBy", equalTo(row(decidedBy)))
                .body("firedRules", contains(expectedFired))
                .body("message", containsString(" / "))
                .body("table", equalTo("GroupHealth"))
                .body("tableVersion", startsWith("sha256:"));
    }

    @Test
    void dissolvingSaysGoodbye() {
        Map<String, Object> metrics = healthy();
        metrics.put("lifespanHours", 72);
        metrics.put("activeMemberRatio", 0.1);
        post(metrics)
                .body("verdict", equalTo("DISSOLVE"))
                .body("pastLifespan", equalTo(true))
                .body("reviveKind", nullValue())
                .body("message", containsString("See you"));
    }

    static String row(String id) {
        return switch (id) {
            case "H01" -> H01;
            case "H02" -> H02;
            case "H03" -> H03;
            case "H04" -> H04;
            case "H05" -> H05;
            case "H06" -> H06;
            case "H07" -> H07;
            case "H08" -> H08;
            case "H09" -> H09;
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static ValidatableResponse post(Map<String, Object> metrics) {
        return given().contentType(ContentType.JSON).body(metrics)
                .when().post("/decisions/group-health")
                .then().statusCode(200).contentType(ContentType.JSON);
    }
}
