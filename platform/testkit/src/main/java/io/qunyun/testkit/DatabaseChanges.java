package io.qunyun.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether anything changed in a service's database, however many rows its earlier tests left: while open, a row
 * trigger on every table logs each inserted, updated or deleted row in a change log, and the newest committed entry
 * is the fingerprint (one index lookup; counting rows and reading every table's newest row version took the fuzz
 * test 54 of its 124 s once the other tests had filled the tables). The log is transactional (a rolled-back write
 * leaves no entry) and insert-only (writers never wait for each other on it). Closing drops the triggers, the log
 * and its function.
 */
public final class DatabaseChanges implements AutoCloseable {

    static final String LOG = "qunyun_fuzz_change";

    private final Connection db;
    private final List<String> tables;

    private DatabaseChanges(Connection db, List<String> tables) {
        this.db = db;
        this.tables = tables;
    }

    /** Starts logging the changes of every table of the public schema but {@code excluded}. */
    public static DatabaseChanges log(Connection db, Set<String> excluded) throws SQLException {
        db.setAutoCommit(true);
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = db.getMetaData().getTables(null, "public", "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!excluded.contains(table) && !LOG.equals(table)) {
                    tables.add(table);
                }
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables to fingerprint");
        }
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + LOG + " (id bigserial PRIMARY KEY, tbl text NOT NULL)");
            ddl.execute("CREATE OR REPLACE FUNCTION " + LOG + "() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN INSERT INTO " + LOG + " (tbl) VALUES (TG_TABLE_NAME); RETURN NULL; END $$");
            for (String table : tables) {
                ddl.execute("CREATE OR REPLACE TRIGGER " + LOG + " AFTER INSERT OR UPDATE OR DELETE ON \"" + table
                        + "\" FOR EACH ROW EXECUTE FUNCTION " + LOG + "()");
            }
        }
        return new DatabaseChanges(db, tables);
    }

    /**
     * The newest committed change. A write that commits after this was read and began after it gets a larger id,
     * so any change committed by a request sent after this moves it.
     */
    public long fingerprint() throws SQLException {
        try (Statement query = db.createStatement();
                ResultSet rs = query.executeQuery("SELECT coalesce(max(id), 0) FROM " + LOG)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The rows changed per table between two fingerprints, e.g. {@code [members 1 rows]}. */
    public String between(long from, long to) throws SQLException {
        List<String> changed = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet rs = query.executeQuery("SELECT tbl, count(*) FROM "
                + LOG + " WHERE id > " + from + " AND id <= " + to + " GROUP BY tbl ORDER BY tbl")) {
            while (rs.next()) {
                changed.add(rs.getString(1) + " " + rs.getLong(2) + " rows");
            }
        }
        return changed.toString();
    }

    @Override
    public void close() throws SQLException {
        try (Statement ddl = db.createStatement()) {
            for (String table : tables) {
                ddl.execute("DROP TRIGGER IF EXISTS " + LOG + " ON \"" + table + "\"");
            }
            ddl.execute("DROP TABLE IF EXISTS " + LOG);
            ddl.execute("DROP FUNCTION IF EXISTS " + LOG + "()");
        }
    }
}
