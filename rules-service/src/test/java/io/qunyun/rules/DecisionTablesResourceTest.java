package io.qunyun.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.rules.persistence.DecisionTableReleaseRepository;
import io.restassured.http.ContentType;

@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class DecisionTablesResourceTest {

    static final Map<String, String> WORKBOOKS = Map.ofEntries(
            Map.entry("GroupPositioning", "io/qunyun/rules/domain/positioning/GroupPositioning.drl.xlsx"),
            Map.entry("FiveW1H", "io/qunyun/rules/domain/selfcheck/FiveW1H.drl.xlsx"),
            Map.entry("Rewards", "io/qunyun/rules/domain/reward/Rewards.drl.xlsx"),
            Map.entry("Tiers", "io/qunyun/rules/domain/tier/Tiers.drl.xlsx"),
            Map.entry("GroupHealth", "io/qunyun/rules/domain/health/GroupHealth.drl.xlsx"),
            Map.entry("TouchStrategy", "io/qunyun/rules/domain/touch/TouchStrategy.drl.xlsx"),
            Map.entry("Admission", "io/qunyun/rules/domain/admission/Admission.drl.xlsx"),
            Map.entry("MemberStanding", "io/qunyun/rules/domain/standing/MemberStanding.drl.xlsx"),
            Map.entry("PointsPolicy", "io/qunyun/rules/domain/points/PointsPolicy.drl.xlsx"),
            Map.entry("MetricDefinitions", "io/qunyun/rules/domain/metrics/MetricDefinitions.drl.xlsx"),
            Map.entry("SchedulePolicy", "io/qunyun/rules/domain/schedule/SchedulePolicy.drl.xlsx"));

    /** Rule rows per table: Tiers counts both of its tables (3 weights + 4 tiers); PRIORITY columns do not count. */
    static final Map<String, Integer> ROWS = Map.ofEntries(Map.entry("GroupPositioning", 13), Map.entry("FiveW1H", 18),
            Map.entry("Rewards", 13), Map.entry("Tiers", 7), Map.entry("GroupHealth", 11), Map.entry("TouchStrategy", 15),
            Map.entry("Admission", 7), Map.entry("MemberStanding", 14), Map.entry("PointsPolicy", 9),
            Map.entry("MetricDefinitions", 3), Map.entry("SchedulePolicy", 11));
    static final Map<String, String> HIT_POLICIES = Map.ofEntries(Map.entry("GroupPositioning", "PRIORITY"),
            Map.entry("FiveW1H", "COLLECT"), Map.entry("Rewards", "PRIORITY"), Map.entry("Tiers", "UNIQUE"),
            Map.entry("GroupHealth", "PRIORITY"), Map.entry("TouchStrategy", "PRIORITY"), Map.entry("Admission", "PRIORITY"),
            Map.entry("MemberStanding", "PRIORITY"), Map.entry("PointsPolicy", "PRIORITY"),
            Map.entry("MetricDefinitions", "PRIORITY"), Map.entry("SchedulePolicy", "PRIORITY"));

    @Inject
    DecisionTableReleaseRepository releases;

    @Test
    void listsTheTablesWithTheirWorkbookHashes() throws Exception {
        List<Map<String, Object>> tables = given().when().get("/decision-tables")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("$", hasSize(11))
                .body("name", containsInAnyOrder("FiveW1H", "GroupHealth", "GroupPositioning", "Rewards", "Tiers",
                        "TouchStrategy", "Admission", "MemberStanding", "PointsPolicy", "MetricDefinitions",
                        "SchedulePolicy"))
                .extract().jsonPath().getList("$");
        for (Map<String, Object> table : tables) {
            String name = (String) table.get("name");
            assertEquals(expectedVersion(WORKBOOKS.get(name)), table.get("version"), name);
            assertEquals(ROWS.get(name), table.get("rows"), name);
            assertNotNull(table.get("firstServedAt"), name);
            assertEquals(HIT_POLICIES.get(name), table.get("hitPolicy"), name);
            assertEquals(true, table.get("inUse"), name);
            assertEquals("/decision-tables/" + name, table.get("download"), name);
        }
    }

    @Test
    void downloadsTheWorkbookInUse() throws Exception {
        for (Map.Entry<String, String> workbook : WORKBOOKS.entrySet()) {
            byte[] expected;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(workbook.getValue())) {
                expected = in.readAllBytes();
            }
            String fileName = workbook.getValue().substring(workbook.getValue().lastIndexOf('/') + 1);
            byte[] body = given().when().get("/decision-tables/" + workbook.getKey())
                    .then().statusCode(200)
                    .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", equalTo("attachment; filename=\"" + fileName + "\""))
                    .header("ETag", equalTo("\"" + expectedVersion(workbook.getValue()) + "\""))
                    .extract().asByteArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, body, workbook.getKey());
        }
    }

    @Test
    void unknownTableIsA404Problem() {
        given().when().get("/decision-tables/Nope")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", org.hamcrest.Matchers.containsString("Nope"));
    }

    @Test
    void decisionsCarryTheListedVersion() throws Exception {
        given().contentType(ContentType.JSON).body("{\"activityType\":\"SHARE\"}")
                .when().post("/decisions/reward")
                .then().statusCode(200)
                .body("tableVersion", equalTo(expectedVersion(WORKBOOKS.get("Rewards"))));
    }

    @Test
    void recordingTheSameVersionAgainKeepsTheFirstTimestamp() {
        var before = releases.listByTableAndTime();
        var first = before.get(0);
        releases.recordServed(first.key.tableName, first.key.version, first.rowCount);
        var after = releases.listByTableAndTime();
        assertEquals(before.size(), after.size());
        assertEquals(first.firstServedAt.toInstant(), after.get(0).firstServedAt.toInstant());
    }

    static String expectedVersion(String resource) throws Exception {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
