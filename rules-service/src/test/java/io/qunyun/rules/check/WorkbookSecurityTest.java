package io.qunyun.rules.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.check.CompileGate;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 22: an uploaded workbook carries data, never code. Hostile copies of the shipped Rewards workbook (built here
 * with POI) are refused with the status and the sheet!cell an analyst or a client depends on, nothing of them is compiled
 * or stored (no version, no compiled module), and the service goes on deciding with the version in use.
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "analyst-test", roles = "admin")
class WorkbookSecurityTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String REFUSED = "https://qunyun.io/problems/workbook-refused";
    static final String CHECK_IN_IN_GROUP = "{\"activityType\":\"CHECK_IN\",\"groupId\":\"5f1c6a7e-0b1d-4c2e-9a3f-7d8e9f0a1b2c\"}";
    static final byte[] REWARDS = HostileWorkbooks.shipped(DecisionTable.REWARDS);

    @Inject
    DataSource database;

    @Inject
    CompileGate gate;

    @Test
    void anActionCellCallingSystemExitIsRefusedWhereItIs() {
        // J13 = multiplier of 'R05 purchase', pasted unquoted into $r.setMultiplier($param);
        refused(HostileWorkbooks.withCells(REWARDS, "Rewards", "J13", "1); System.exit(0); (1"), 422, REFUSED, "Rewards!J13")
                .body("errors.find { it.field == 'Rewards!J13' }.message", containsString("no quotes, semicolons, parentheses"))
                .body("errors.find { it.field == 'Rewards!J13' }.message", containsString("不能有引号、分号、括号"))
                .body("problems[0].row", equalTo(13));
        // K13 = reason, pasted inside quotes into $r.setReason("$param");
        refused(HostileWorkbooks.withCells(REWARDS, "Rewards", "K13", "\"); System.exit(0); (\""), 422, REFUSED, "Rewards!K13");
    }

    @Test
    void anImportOfRuntimeInTheSettingsIsRefused() {
        refused(HostileWorkbooks.withCells(REWARDS, "Rewards", "A3", "Import", "B3", "java.lang.Runtime"), 422, REFUSED,
                "Rewards!A3").body("errors.field", hasItem("Rewards!B3"))
                .body("errors.find { it.field == 'Rewards!A3' }.message", containsString("settings cell differs"));
    }

    @Test
    void aFunctionsBlockIsRefusedAboveTheTableAndBelowIt() {
        refused(HostileWorkbooks.withCells(REWARDS, "Rewards", "A3", "Functions", "B3",
                "function void boom() { System.exit(0); }"), 422, REFUSED, "Rewards!B3");
        // below the last rule row and a blank row the compiler reads settings again
        refused(HostileWorkbooks.withCells(REWARDS, "Rewards", "A23", "Functions", "B23",
                "function void boom() { System.exit(0); }"), 422, REFUSED, "Rewards!A23")
                .body("errors.find { it.field == 'Rewards!A23' }.message", containsString("nothing may follow the last table"));
    }

    @Test
    void aConditionCellThatClosesTheStringIsRefused() {
        refused(HostileWorkbooks.withCells(REWARDS, "Rewards", "C13", "PURCHASE\") || eval(System.exit(0)) || (\""), 422, REFUSED,
                "Rewards!C13").body("errors.find { it.field == 'Rewards!C13' }.message", containsString("straight quotes"));
    }

    @Test
    void aChangedCodeTemplateOrPriorityExpressionIsRefused() {
        refused(HostileWorkbooks.withCells(REWARDS, "Rewards", "K7", "$r.setReason(\"$param\"); System.exit(0);"), 422, REFUSED,
                "Rewards!K7").body("errors.find { it.field == 'Rewards!K7' }.message", containsString("$r.setReason(\"$param\");"));
        // the compiler takes a priority in parentheses as an expression
        refused(HostileWorkbooks.withCells(REWARDS, "Rewards", "B13", "(System.exit(0))"), 422, REFUSED, "Rewards!B13");
        // a second RuleTable started from a data cell would bring its own code templates
        refused(HostileWorkbooks.withCells(REWARDS, "Rewards", "K13", "RuleTable Evil"), 422, REFUSED, "Rewards!K13");
    }

    @Test
    void aZipBombIsRefusedBeforeItInflates() {
        byte[] bomb = HostileWorkbooks.zipBomb(REWARDS, 64 << 20);
        assertTrue(bomb.length < 2 << 20, "small enough to pass the body limit: " + bomb.length);
        refused(bomb, 413, "https://qunyun.io/problems/http-413", "body")
                .body("errors[0].message", containsString("zip bomb"));
    }

    @Test
    void aTextFileRenamedXlsxIsRefusedNamingTheFile() {
        refused("RuleSet,io.qunyun.rules.domain.reward\nImport,java.lang.Runtime\n".getBytes(), 400,
                "https://qunyun.io/problems/malformed-body", "body")
                .body("errors[0].message", containsString("Rewards.drl.xlsx"))
                .body("errors[0].message", containsString("not an Excel workbook"));
    }

    @Test
    void aBodyOverTheUploadLimitIsRefusedWith413() {
        byte[] body = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(REWARDS, 0, body, 0, REWARDS.length);
        refused(body, 413, "https://qunyun.io/problems/http-413", "body")
                .body("detail", containsString("2097152"));
    }

    @Test
    void aSecondUploadWhileOneIsCheckedIsAnsweredBusy() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> gate.run(() -> {
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        other.start();
        try {
            assertTrue(holding.await(30, TimeUnit.SECONDS));
            refused(HostileWorkbooks.withCells(REWARDS, "Rewards", "I13", "51"), 503,
                    "https://qunyun.io/problems/table-compiler-busy", null).header("Retry-After", notNullValue());
        } finally {
            release.countDown();
            other.join();
        }
    }

    @Test
    void dataEditsStillUploadAndAWrongFormIsAFindingNotACompile() {
        // '2 +' holds no code character: stored with its finding, never compiled (so it cannot be published)
        given().contentType(XLSX).body(HostileWorkbooks.withCells(REWARDS, "Rewards", "J13", "2 +"))
                .post("/decision-tables/Rewards/versions").then().statusCode(200)
                .body("check.compiled", equalTo(false))
                .body("check.compileProblems[0].row", equalTo(13))
                .body("check.compileProblems[0].en", containsString("is not a number or true/false"));
        // quotes of other scripts, parentheses and semicolons in text are data
        given().contentType(XLSX).body(HostileWorkbooks.withCells(REWARDS, "Rewards", "K13", "购买（大促）; 「限时」 (x2) / Purchase!"))
                .post("/decision-tables/Rewards/versions").then().statusCode(200)
                .body("check.compiled", equalTo(true)).body("check.complete", equalTo(true));
    }

    /** Uploads {@code workbook}, expects the refusal, and checks that nothing was stored and the service still decides. */
    private ValidatableResponse refused(byte[] workbook, int status, String type, String field) {
        long versions = count("decision_table_version");
        long compiled = count("decision_table_compiled");
        ValidatableResponse response = given().contentType(XLSX).body(workbook).post("/decision-tables/Rewards/versions").then()
                .statusCode(status).contentType("application/problem+json").body("type", equalTo(type))
                .body("status", equalTo(status)).body("instance", equalTo("/decision-tables/Rewards/versions"));
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
        assertEquals(versions, count("decision_table_version"), "no version stored");
        assertEquals(compiled, count("decision_table_compiled"), "nothing compiled stored");
        given().contentType(ContentType.JSON).body(CHECK_IN_IN_GROUP).post("/decisions/reward").then().statusCode(200)
                .body("points", equalTo(20));
        return response;
    }

    private long count(String table) {
        try (Connection connection = database.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
