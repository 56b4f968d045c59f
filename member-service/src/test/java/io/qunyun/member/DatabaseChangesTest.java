package io.qunyun.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.testkit.DatabaseChanges;

/**
 * The fuzz test's fingerprint (platform/testkit), against a service database: it moves on every committed insert,
 * update and delete, not on a rolled-back write or a read, names the tables, and leaves nothing behind.
 */
@QuarkusTest
class DatabaseChangesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void movesOnCommittedWritesOnlyAndLeavesNothingBehind() throws Exception {
        try (Connection db = dataSource.getConnection(); Connection writer = dataSource.getConnection()) {
            long start;
            try (DatabaseChanges changes = DatabaseChanges.log(db, Set.of("outbox_event", "flyway_schema_history"))) {
                start = changes.fingerprint();
                count(writer, "SELECT count(*) FROM members");
                assertEquals(start, changes.fingerprint(), "a read is no change");

                writer.setAutoCommit(false);
                String id = UUID.randomUUID().toString();
                insertMember(writer, id);
                assertEquals(start, changes.fingerprint(), "not committed yet");
                writer.rollback();
                assertEquals(start, changes.fingerprint(), "rolled back");

                insertMember(writer, id);
                writer.commit();
                long inserted = changes.fingerprint();
                assertNotEquals(start, inserted, "a committed insert");
                assertEquals("[members 1 rows]",
                        changes.between(start, inserted));

                try (Statement update = writer.createStatement()) {
                    update.executeUpdate("UPDATE members SET display_name = display_name WHERE id = '" + id + "'");
                }
                writer.commit();
                assertNotEquals(inserted, changes.fingerprint(), "an update, even to the same value");
                writer.setAutoCommit(true);
            }
            assertEquals(0, count(db, "SELECT count(*) FROM pg_trigger WHERE tgname = 'qunyun_fuzz_change'"));
            assertEquals(0, count(db, "SELECT count(*) FROM pg_class WHERE relname = 'qunyun_fuzz_change'"));
        }
    }

    private static void insertMember(Connection writer, String id) throws Exception {
        try (Statement insert = writer.createStatement()) {
            insert.executeUpdate("INSERT INTO members (id, source_system, external_id, display_name, points_balance,"
                    + " created_at) VALUES ('" + id + "', 'changes-test', '" + id + "', 'M', 0, now())");
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement query = db.createStatement(); ResultSet rs = query.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
