package io.qunyun.rules.persistence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.audit.Actor;
import io.qunyun.rules.domain.audit.AuditLog;
import io.qunyun.rules.domain.audit.AuditQuery;
import io.qunyun.rules.domain.versions.DecisionTableVersions;
import io.qunyun.testkit.TestTokens;
import io.restassured.specification.RequestSpecification;

/**
 * The audit log of the decision tables over the real database, with real tokens (the actor is the token's
 * subject): every new upload, publication, rollback and release writes exactly one entry; a refused request or
 * a rolled-back transaction writes none; entries cannot be changed; only admins read them.
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

    @Inject
    DecisionTableVersions versions;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

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
        byte[] notAWorkbook = ("not a workbook " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
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

    @Test
    @TestSecurity(user = "rollback-test", roles = {"analyst", "admin"})
    void aRolledBackTransactionLeavesNeitherTheChangeNorItsEntry() {
        String builtIn = catalog.builtIn(DecisionTable.REWARDS).version();
        RuntimeException failed = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            versions.activate(DecisionTable.REWARDS, builtIn, "rollback-test", false);
            // inside the transaction the entry is there, next to the change
            assertEquals(1, audit.page(new AuditQuery("rollback-test", null, null, "Rewards", null, null, null, 10))
                    .entries().size());
            throw new IllegalStateException("the transaction fails after the change");
        }));
        assertTrue(causes(failed).contains("the transaction fails after the change"), causes(failed));
        assertTrue(store.activations("Rewards").stream().noneMatch(a -> a.activatedBy().equals("rollback-test")));
        assertEquals(List.of(), given().queryParam("actor", "rollback-test").get("/audit").then().statusCode(200)
                .extract().path("items"));
    }

    @Test
    void theServiceCannotChangeOrDeleteEntries() {
        for (String sql : List.of("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log",
                "TRUNCATE audit_log")) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).executeUpdate()));
            assertTrue(causes(refused).contains("audit_log is append-only"), sql + ": " + causes(refused));
        }
        assertTrue(!entries("action", "table.released").isEmpty(), "the entries are still there");
    }

    @Test
    void adminsPageWithFiltersAndBadFiltersAreNamed() {
        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            uploaded.add(upload(("page " + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)).extract().path("version"));
        }
        List<String> seen = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification request = as("admin").queryParam("actor", ANALYST).queryParam("action", "table.uploaded")
                    .queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get("/audit").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            assertTrue(items.size() <= 2);
            items.forEach(e -> {
                seen.add((String) detail(e).get("version"));
                ids.add(((Number) e.get("id")).longValue());
            });
            after = page.path("nextCursor");
        } while (after != null);
        assertEquals(List.of(uploaded.get(2), uploaded.get(1), uploaded.get(0)), seen.subList(0, 3), "newest first");
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) < ids.get(i - 1), "no entry twice: " + ids);
        }

        for (String[] bad : List.of(new String[] {"from", "tomorrow"}, new String[] {"to", "2026-11-30T25:00:00Z"},
                new String[] {"limit", "501"}, new String[] {"after", "abc"}, new String[] {"action", "table.deleted"},
                new String[] {"targetType", "group"})) {
            as("admin").queryParam(bad[0], bad[1]).get("/audit").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[0]));
        }
        as("analyst").get("/audit").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://qunyun.io/problems/forbidden"));
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

    private static String causes(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
