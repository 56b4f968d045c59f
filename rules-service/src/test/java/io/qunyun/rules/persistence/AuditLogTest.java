package io.qunyun.rules.persistence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.versions.DecisionTableVersions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.platform.audit.Actor;
import io.qunyun.testkit.TestTokens;
import io.restassured.specification.RequestSpecification;

/**
 * The audit log of the decision tables, with real tokens (the actor is the token's subject): every new upload,
 * publication, rollback and release writes exactly one entry; a refused request writes none. What every
 * service's audit log does alike (transactions, append-only table, filters, pages, admins only) is
 * AuditContractTest (platform-testkit AuditLogContract).
 */
@QuarkusTest
class AuditLogTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ANALYST = "test-analyst";

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    TableVersionStore store;

    @Inject
    TableActivations activations;

    @AfterEach
    void backToTheBuiltInWorkbook() {
        String builtIn = catalog.builtIn(DecisionTable.REWARDS).version();
        if (!catalog.active(DecisionTable.REWARDS).version().equals(builtIn)) {
            store.activate("Rewards", builtIn, "test cleanup");
            activations.sync();
        }
    }

    @Test
    void aNewUploadIsRecordedOnceAndARefusedActivationNot() {
        // a workbook that is stored but does not compile: a number cell that is not a number (issue 22: a file that is no
        // workbook at all is refused without being stored)
        byte[] notAWorkbook = io.qunyun.rules.check.HostileWorkbooks.withCells(
                io.qunyun.rules.check.HostileWorkbooks.shipped(DecisionTable.REWARDS), "Rewards", "J13", "2 +", "K13",
                "audit " + UUID.randomUUID());
        String version = upload(notAWorkbook).body("stored", equalTo(true)).extract().path("version");
        upload(notAWorkbook).body("stored", equalTo(false));

        Map<String, Object> uploaded = only(ofVersion(entries("action", "table.uploaded", "targetId", "Rewards"), version));
        assertEquals(ANALYST, uploaded.get("actor"));
        assertEquals(List.of("analyst"), uploaded.get("actorRoles"));
        assertNull(uploaded.get("cause"));
        assertEquals("table", uploaded.get("targetType"));
        assertEquals(false, detail(uploaded).get("compiled"));

        long newest = newestOf(ANALYST);
        as("analyst").post("/decision-tables/Rewards/versions/" + version + "/activate").then().statusCode(409);
        as("operator").contentType(XLSX).body(("other " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                .post("/decision-tables/Rewards/versions").then().statusCode(403);
        assertEquals(newest, newestOf(ANALYST), "a refused activation writes no entry");
        assertEquals(List.of(), entries("actor", "test-operator"), "a forbidden upload writes no entry");
    }

    @Test
    void publicationAndRollbackAreRecordedAsSuch() throws Exception {
        String builtIn = catalog.builtIn(DecisionTable.REWARDS).version();
        byte[] workbook = Files.readAllBytes(Path.of("src/test/resources/workbooks/libreoffice/Rewards-R02-multiplier-3.drl.xlsx"));
        String version = upload(workbook).extract().path("version");

        as("analyst").queryParam("confirmChangedDecisions", true)
                .post("/decision-tables/Rewards/versions/" + version + "/activate").then().statusCode(200);
        as("analyst").post("/decision-tables/Rewards/versions/" + builtIn + "/activate").then().statusCode(200);

        List<Map<String, Object>> entries = entries("targetId", "Rewards", "actor", ANALYST, "limit", "2");
        assertEquals(List.of("table.rolled-back", "table.published"), entries.stream().map(e -> e.get("action")).toList());
        assertEquals(builtIn, detail(entries.get(0)).get("version"));
        assertEquals(version, detail(entries.get(0)).get("previousVersion"));
        assertEquals(version, detail(entries.get(1)).get("version"));
        assertEquals(builtIn, detail(entries.get(1)).get("previousVersion"));
        assertEquals(true, detail(entries.get(1)).get("confirmedChangedDecisions"));
        assertEquals(store.activations("Rewards").get(0).id(),
                ((Number) detail(entries.get(0)).get("activationId")).longValue());
    }

    @Test
    void aReleasesBuiltInWorkbooksAreTheSystemsAtStartup() {
        String builtIn = catalog.builtIn(DecisionTable.REWARDS).version();
        Map<String, Object> released = only(ofVersion(entries("action", "table.released", "targetId", "Rewards"), builtIn));
        assertEquals(Actor.SYSTEM, released.get("actor"));
        assertEquals("startup:release", released.get("cause"));
        assertEquals(DecisionTable.values().length, entries("action", "table.released").size(),
                "one entry per table, only when a version is new");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private static io.restassured.response.ValidatableResponse upload(byte[] workbook) {
        return as("analyst").contentType(XLSX).body(workbook).post("/decision-tables/Rewards/versions").then().statusCode(200);
    }

    private static List<Map<String, Object>> entries(String... filters) {
        RequestSpecification request = as("admin");
        for (int i = 0; i < filters.length; i += 2) {
            request.queryParam(filters[i], filters[i + 1]);
        }
        return request.get("/audit").then().statusCode(200).extract().path("items");
    }

    private static List<Map<String, Object>> ofVersion(List<Map<String, Object>> entries, String version) {
        return entries.stream().filter(e -> version.equals(detail(e).get("version"))).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries) {
        assertEquals(1, entries.size(), "exactly one entry: " + entries);
        return entries.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("detail");
    }

    /** The id of the actor's newest entry (0 when none): unchanged means nothing was written for them. */
    private static long newestOf(String actor) {
        List<Map<String, Object>> newest = entries("actor", actor, "limit", "1");
        return newest.isEmpty() ? 0 : ((Number) newest.get(0).get("id")).longValue();
    }

}
