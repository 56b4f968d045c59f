package io.qunyun.rules.persistence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.PrebuiltTables;
import io.restassured.http.ContentType;

/**
 * Upload, publish and roll back a workbook saved by LibreOffice, without a redeploy: this instance decides
 * with it at once (cached answers of the old version are not served), a second engine reading the same
 * database — which is also what a restarted instance is — switches to it, and a rollback brings every
 * engine back.
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "analyst-test", roles = "admin")
class PublishAndRollbackTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CHECK_IN_IN_GROUP = "{\"activityType\":\"CHECK_IN\",\"groupId\":\"5f1c6a7e-0b1d-4c2e-9a3f-7d8e9f0a1b2c\"}";

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    TableVersionStore store;

    @Inject
    DecisionTableReleaseRepository releases;

    @Inject
    TableActivations activations;

    @Inject
    CompiledVersionStore compiledVersions;

    @Inject
    io.qunyun.rules.domain.ModuleSigner signer;

    @Inject
    io.qunyun.rules.domain.check.WorkbookGuard guard;

    @AfterEach
    void backToTheBuiltInWorkbook() {
        String builtIn = catalog.builtIn(DecisionTable.REWARDS).version();
        if (!catalog.active(DecisionTable.REWARDS).version().equals(builtIn)) {
            store.activate("Rewards", builtIn, "test cleanup");
            activations.sync();
        }
    }

    /** Another replica of the service (or this one after a restart): its own engine, the same database. */
    TableActivations secondInstance() {
        TableActivations second = new TableActivations();
        second.catalog = new DecisionTableCatalog();
        second.store = store;
        second.releases = releases;
        second.compiledVersions = compiledVersions;
        second.signer = signer;
        second.guard = guard;
        return second;
    }

    @Test
    void publishSwitchesEveryInstanceAndRollbackSwitchesThemBack() throws Exception {
        byte[] workbook = Files.readAllBytes(Path.of("src/test/resources/workbooks/libreoffice/Rewards-R02-multiplier-3.drl.xlsx"));
        String builtIn = catalog.builtIn(DecisionTable.REWARDS).version();
        TableActivations second = secondInstance();
        second.sync();
        assertEquals(builtIn, second.catalog.active(DecisionTable.REWARDS).version());

        // an answer of the built-in version, now in the decision cache
        given().contentType(ContentType.JSON).body(CHECK_IN_IN_GROUP).post("/decisions/reward").then().statusCode(200)
                .body("points", equalTo(20)).body("tableVersion", equalTo(builtIn));

        String version = given().contentType(XLSX).body(workbook).post("/decision-tables/Rewards/versions").then()
                .statusCode(200)
                .body("check.compiled", equalTo(true))
                .body("check.complete", equalTo(true))
                .body("check.casesPassed", equalTo(false))
                .body("check.diff.changed[0].cells[0].before", equalTo("2"))
                .body("check.diff.changed[0].cells[0].after", equalTo("3"))
                .extract().path("version");
        assertNotEquals(builtIn, version);
        assertTrue(compiledVersions.find("Rewards", version, PrebuiltTables.build().orElseThrow()).isPresent(),
                "the upload stored the version as it compiled it");

        // regression cases fail on purpose: publishing needs the analyst's confirmation
        given().post("/decision-tables/Rewards/versions/" + version + "/activate").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("confirmChangedDecisions"));
        given().queryParam("confirmChangedDecisions", true).post("/decision-tables/Rewards/versions/" + version + "/activate")
                .then().statusCode(200).body("version", equalTo(version));

        given().contentType(ContentType.JSON).body(CHECK_IN_IN_GROUP).post("/decisions/reward").then().statusCode(200)
                .body("points", equalTo(30)).body("multiplier", equalTo(3)).body("tableVersion", equalTo(version));
        second.sync();
        assertEquals(version, second.catalog.active(DecisionTable.REWARDS).version(), "the second instance switched");
        // the upload stored the compiled version: instances load it when it is activated, none compiles it again
        assertEquals(1, second.loadedCompiled.get(), "the second instance loaded the compiled version, no compile");
        TableActivations restarted = secondInstance();
        restarted.sync();
        assertEquals(version, restarted.catalog.active(DecisionTable.REWARDS).version(), "survives a restart");
        assertEquals(1, restarted.loadedCompiled.get(), "a restart loads the compiled version, no compile");
        given().contentType(ContentType.JSON).body(CHECK_IN_IN_GROUP).post("/decisions/reward").then().statusCode(200)
                .body("points", equalTo(30));
        assertEquals(30, io.qunyun.rules.domain.reward.RewardServiceWiring.rewardService(restarted.catalog, 0,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
                .decide(io.qunyun.rules.domain.reward.RewardContext.of("CHECK_IN", true)).points(), "the loaded version decides");

        given().get("/decision-tables/Rewards/versions").then().statusCode(200)
                .body("inUse", equalTo(version)).body("builtIn", equalTo(builtIn))
                .body("versions.version", hasItem(version)).body("activations[0].version", equalTo(version));
        given().get("/decision-tables/Rewards/versions/" + version + "/workbook").then().statusCode(200)
                .header("ETag", containsString(version));

        // roll back to the built-in version
        given().post("/decision-tables/Rewards/versions/" + builtIn + "/activate").then().statusCode(200);
        given().contentType(ContentType.JSON).body(CHECK_IN_IN_GROUP).post("/decisions/reward").then().statusCode(200)
                .body("points", equalTo(20)).body("tableVersion", equalTo(builtIn));
        second.sync();
        assertEquals(builtIn, second.catalog.active(DecisionTable.REWARDS).version(), "the second instance rolled back");
        given().get("/decision-tables/Rewards/versions").then().statusCode(200)
                .body("activations[0].version", equalTo(builtIn)).body("activations[1].version", equalTo(version));
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedAndNothingIsStored() {
        // issue 22: a text file renamed .xlsx used to be stored as a version that does not compile; it is refused now
        byte[] notAWorkbook = "not a workbook".getBytes();
        int before = store.versions("Rewards").size();
        given().contentType(XLSX).body(notAWorkbook).post("/decision-tables/Rewards/versions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/malformed-body"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("Rewards.drl.xlsx"))
                .body("errors[0].message", containsString("不是 Excel 工作簿"));
        assertEquals(before, store.versions("Rewards").size(), "nothing stored");
        given().contentType(XLSX).body(new byte[0]).post("/decision-tables/Rewards/versions").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(XLSX).body(notAWorkbook).post("/decision-tables/Nope/versions").then().statusCode(404);
    }
}
