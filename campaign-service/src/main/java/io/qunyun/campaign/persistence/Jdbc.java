package io.qunyun.campaign.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Small JDBC helper over the JTA-enlisted datasource (connections join the caller's transaction):
 * the scheduler writes tasks in JDBC batches, which Hibernate entities would slow down.
 */
@ApplicationScoped
public class Jdbc {

    private final DataSource db;

    Jdbc(DataSource db) {
        this.db = db;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + firstLine(sql), e);
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
        // A row whose mapped value is SQL NULL (e.g. max() of nothing) counts as no answer.
        return query(sql, mapper, args).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public int update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + firstLine(sql), e);
        }
    }

    /** One JDBC batch (reWriteBatchedInserts makes it multi-row inserts on PostgreSQL). */
    public <T> int batch(String sql, List<T> items, Binder<T> binder) {
        if (items.isEmpty()) {
            return 0;
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            int total = 0;
            for (int n : ps.executeBatch()) {
                total += Math.max(n, 0);
            }
            return total;
        } catch (SQLException e) {
            SQLException next = e.getNextException();
            throw new IllegalStateException("batch failed: " + firstLine(sql) + (next == null ? "" : " / " + next), e);
        }
    }

    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof java.util.UUID[] ids) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("uuid", ids));
            } else if (args[i] instanceof Long[] ids) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("bigint", ids));
            } else {
                ps.setObject(i + 1, jdbcValue(args[i]));
            }
        }
    }

    public static Object jdbcValue(Object v) {
        if (v instanceof Instant i) {
            return Timestamp.from(i);
        }
        if (v instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        return v;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String firstLine(String sql) {
        return sql.strip().lines().findFirst().orElse(sql);
    }
}
