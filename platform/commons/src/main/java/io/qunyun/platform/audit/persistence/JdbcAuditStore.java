package io.qunyun.platform.audit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.platform.audit.Actor;
import io.qunyun.platform.audit.AuditEntry;
import io.qunyun.platform.audit.AuditQuery;
import io.qunyun.platform.audit.AuditStore;

/**
 * The audit_log table (append-only: a trigger refuses UPDATE, DELETE and TRUNCATE). Plain JDBC on the
 * JTA-enlisted datasource, so an entry joins the transaction of the change it records, whatever that change
 * was written with (Hibernate or JDBC).
 */
@ApplicationScoped
public class JdbcAuditStore implements AuditStore {

    private static final TypeReference<LinkedHashMap<String, Object>> DETAIL = new TypeReference<>() {
    };

    private final DataSource db;
    private final ObjectMapper json;

    JdbcAuditStore(DataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void append(AuditEntry entry) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_log (at, actor, actor_roles, cause, action, target_type, target_id, detail, actor_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)""")) {
            ps.setObject(1, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            ps.setString(2, entry.actor().name());
            ps.setArray(3, c.createArrayOf("text", entry.actor().roles().toArray()));
            ps.setString(4, entry.actor().cause());
            ps.setString(5, entry.action());
            ps.setString(6, entry.targetType());
            ps.setString(7, entry.targetId());
            ps.setString(8, json.writeValueAsString(entry.detail()));
            ps.setString(9, entry.actor().displayName());
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot append " + entry.action() + " to the audit log", e);
        }
    }

    @Override
    public List<AuditEntry> find(AuditQuery q) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, at, actor, actor_roles, cause, action, target_type, target_id, detail::text, actor_name
                FROM audit_log WHERE true""");
        List<Object> args = new ArrayList<>();
        where(sql, args, " AND actor = ?", q.actor());
        where(sql, args, " AND action = ?", q.action());
        where(sql, args, " AND target_type = ?", q.targetType());
        where(sql, args, " AND target_id = ?", q.targetId());
        where(sql, args, " AND at >= ?", q.from() == null ? null : OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        where(sql, args, " AND at < ?", q.to() == null ? null : OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        where(sql, args, " AND id < ?", q.before());
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(q.limit());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] roles = (String[]) rs.getArray(4).getArray();
                    Map<String, Object> detail = json.readValue(rs.getString(9), DETAIL);
                    entries.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            new Actor(rs.getString(3), Arrays.asList(roles), rs.getString(5), rs.getString(10)), rs.getString(6),
                            rs.getString(7), rs.getString(8), detail));
                }
            }
            return entries;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }

    private static void where(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }
}
