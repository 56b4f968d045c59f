package io.qunyun.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.qunyun.platform.audit.Actor;
import io.qunyun.platform.audit.AuditLog;
import io.qunyun.platform.audit.AuditQuery;
import io.qunyun.platform.audit.AuditVocabulary;
import io.restassured.specification.RequestSpecification;

/**
 * The audit log's shared behaviour (platform-commons AuditLog, JdbcAuditStore, AuditResource) over the
 * service's own database and migration: an entry is committed exactly with the transaction that writes it and
 * never outside one; the table refuses UPDATE, DELETE and TRUNCATE; admins page newest first with filters,
 * bad filters answer 400 naming the parameter; nobody else reads. Entries are written by the system actor with
 * an action of the service's vocabulary, so no domain call is needed; whether each domain action writes its
 * entry is the service's own AuditLogTest.
 *
 * <p>Each service runs it as a {@code @QuarkusTest} subclass with real tokens (no {@code @TestSecurity}).
 */
public abstract class AuditLogContract {

    static final String CAUSE = "audit-contract";

    @Test
    void anEntryIsCommittedWithItsTransactionAndNeverOutsideOne() {
        String target = UUID.randomUUID().toString();
        RuntimeException failed = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            record(target, Map.of("attempt", 1));
            // inside the transaction the entry is there, next to the change it records
            assertEquals(1, audit().page(new AuditQuery(Actor.SYSTEM, action(), null, target, null, null, null, 10))
                    .entries().size());
            throw new IllegalStateException("the transaction fails after the change");
        }));
        assertTrue(causes(failed).contains("the transaction fails after the change"), causes(failed));
        assertEquals(List.of(), entries("targetId", target), "a rolled-back transaction leaves no entry");

        assertThrows(TransactionalException.class, () -> audit().record(Actor.consumer(CAUSE), action(), target, Map.of()),
                "an entry cannot be written outside the transaction of a change");
        QuarkusTransaction.requiringNew().run(() -> record(target, AuditLog.detail("at", Instant.EPOCH, "none", null)));
        Map<String, Object> entry = only(entries("targetId", target));
        assertEquals(Actor.SYSTEM, entry.get("actor"));
        assertEquals(List.of(), entry.get("actorRoles"));
        assertEquals("consumer:" + CAUSE, entry.get("cause"));
        assertEquals(action(), entry.get("action"));
        assertEquals(AuditVocabulary.targetType(action()), entry.get("targetType"));
        assertEquals(Map.of("at", "1970-01-01T00:00:00Z"), entry.get("detail"), "null values are left out");
    }

    @Test
    void onlyTheServicesActionsWithATargetAreRecorded() {
        refused("unknown audit action planet.discovered",
                () -> audit().record(Actor.consumer(CAUSE), "planet.discovered", "x", Map.of()));
        refused("names no target", () -> audit().record(Actor.consumer(CAUSE), action(), " ", Map.of()));
        // no caller in a transaction of the service's own: it must name the system actor and its cause
        refused("has no authenticated caller", () -> audit().record(action(), "x", Map.of()));
    }

    private static void refused(String because, Runnable inTransaction) {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> QuarkusTransaction.requiringNew().run(inTransaction));
        assertTrue(causes(refused).contains(because), because + ": " + causes(refused));
    }

    @Test
    void theServiceCannotChangeOrDeleteEntries() {
        String target = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> record(target, Map.of()));
        for (String sql : List.of("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log",
                "TRUNCATE audit_log")) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                try (Connection db = Arc.container().instance(io.agroal.api.AgroalDataSource.class).get().getConnection();
                        Statement statement = db.createStatement()) {
                    statement.executeUpdate(sql);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(causes(refused).contains("audit_log is append-only"), sql + ": " + causes(refused));
        }
        assertEquals(Actor.SYSTEM, only(entries("targetId", target)).get("actor"), "the entry is still there");
    }

    @Test
    void adminsPageNewestFirstWithFilters() {
        String target = UUID.randomUUID().toString();
        List<Long> ids = new ArrayList<>();
        String from = null;
        for (int i = 0; i < 5; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> record(target, Map.of("n", n)));
            Map<String, Object> newest = entries("targetId", target, "limit", "1").get(0);
            ids.add(0, ((Number) newest.get("id")).longValue());
            from = from == null ? (String) newest.get("at") : from;
        }
        Instant since = Instant.parse(from);

        List<Long> seen = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification request = as("admin").queryParam("actor", Actor.SYSTEM).queryParam("action", action())
                    .queryParam("targetType", AuditVocabulary.targetType(action())).queryParam("targetId", target)
                    .queryParam("from", from).queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get("/audit").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            assertTrue(items.size() <= 2, items.toString());
            items.forEach(e -> {
                assertTrue(!Instant.parse((String) e.get("at")).isBefore(since), e + " is not before " + since);
                seen.add(((Number) e.get("id")).longValue());
            });
            after = page.path("nextCursor");
        } while (after != null);
        assertEquals(ids, seen, "newest first, each once, the last page without a cursor");
        assertEquals(4, ((Number) ((Map<?, ?>) entries("targetId", target).get(0).get("detail")).get("n")).intValue());
        assertEquals(List.of(), entries("targetId", target, "to", "2000-01-01T00:00:00Z"));
        assertEquals(List.of(), entries("targetId", target, "actor", "someone else"));
        assertNull(as("admin").queryParam("targetId", target).get("/audit").then().statusCode(200).extract()
                .path("nextCursor"));
    }

    @Test
    void badFiltersAnswer400NamingTheParameter() {
        for (String[] bad : List.of(new String[] {"from", "yesterday"}, new String[] {"from", "2026-09-01"},
                new String[] {"to", "2026-13-01T00:00:00Z"}, new String[] {"to", "2026-11-30T25:00:00Z"},
                new String[] {"limit", "0"}, new String[] {"limit", "501"}, new String[] {"limit", "ten"},
                new String[] {"after", "page-2"}, new String[] {"after", "-3"}, new String[] {"action", "planet.deleted"},
                new String[] {"targetType", "planet"}, new String[] {"actor", "x".repeat(201)},
                new String[] {"targetId", "a\tb"})) {
            as("admin").queryParam(bad[0], bad[1]).get("/audit").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[0]));
        }
        as("admin").queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z").get("/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void onlyAnAdminReadsTheAuditLog() {
        for (String role : TestTokens.ROLES) {
            if (!role.equals("admin")) {
                as(role).get("/audit").then().statusCode(403).contentType("application/problem+json")
                        .body("type", equalTo("https://qunyun.io/problems/forbidden"));
            }
        }
        given().get("/audit").then().statusCode(401);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static AuditLog audit() {
        return Arc.container().instance(AuditLog.class).get();
    }

    /** The service's first action: any will do, the log treats them alike. */
    private static String action() {
        return Arc.container().instance(AuditVocabulary.class).get().actions().first();
    }

    private static void record(String target, Map<String, Object> detail) {
        audit().record(Actor.consumer(CAUSE), action(), target, detail);
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private static List<Map<String, Object>> entries(String... filters) {
        RequestSpecification request = as("admin");
        for (int i = 0; i < filters.length; i += 2) {
            request.queryParam(filters[i], filters[i + 1]);
        }
        return request.get("/audit").then().statusCode(200).extract().path("items");
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries) {
        assertEquals(1, entries.size(), "exactly one entry: " + entries);
        return entries.get(0);
    }

    private static String causes(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c.getMessage()).append(" | ");
        }
        return text.toString();
    }
}
