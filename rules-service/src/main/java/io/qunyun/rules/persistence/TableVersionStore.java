package io.qunyun.rules.persistence;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.qunyun.rules.domain.versions.VersionStore;

/**
 * The {@link VersionStore} in the database: versions of the decision tables and their activations. Native SQL:
 * the tables are append-only logs read by every replica.
 */
@ApplicationScoped
public class TableVersionStore implements VersionStore {

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public boolean store(String table, String version, byte[] workbook, String uploadedBy, boolean compiled, boolean complete,
            boolean casesPassed, String checkResult) {
        return em.createNativeQuery("""
                INSERT INTO decision_table_version
                    (table_name, version, workbook, uploaded_by, compiled, complete, cases_passed, check_result)
                VALUES (:table, :version, :workbook, :by, :compiled, :complete, :casesPassed, :result)
                ON CONFLICT (table_name, version) DO NOTHING""")
                .setParameter("table", table).setParameter("version", version).setParameter("workbook", workbook)
                .setParameter("by", uploadedBy).setParameter("compiled", compiled).setParameter("complete", complete)
                .setParameter("casesPassed", casesPassed).setParameter("result", checkResult)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public Activation activate(String table, String version, String by) {
        Object[] row = (Object[]) em.createNativeQuery("""
                INSERT INTO decision_table_activation (table_name, version, activated_by)
                VALUES (:table, :version, :by) RETURNING id, activated_at""")
                .setParameter("table", table).setParameter("version", version).setParameter("by", by)
                .getSingleResult();
        return new Activation(((Number) row[0]).longValue(), table, version, by, offset(row[1]));
    }

    @Override
    @Transactional
    public Optional<Version> version(String table, String version) {
        return versions(table).stream().filter(v -> v.version().equals(version)).findFirst();
    }

    @Override
    @Transactional
    public Optional<byte[]> workbook(String table, String version) {
        List<?> rows = em.createNativeQuery("SELECT workbook FROM decision_table_version WHERE table_name = :t AND version = :v")
                .setParameter("t", table).setParameter("v", version).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((byte[]) rows.get(0));
    }

    @Override
    @Transactional
    public Optional<String> checkResult(String table, String version) {
        List<?> rows = em.createNativeQuery("SELECT check_result FROM decision_table_version WHERE table_name = :t AND version = :v")
                .setParameter("t", table).setParameter("v", version).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Version> versions(String table) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT table_name, version, uploaded_by, uploaded_at, compiled, complete, cases_passed
                FROM decision_table_version WHERE table_name = :t ORDER BY uploaded_at DESC, version""")
                .setParameter("t", table).getResultList();
        return rows.stream().map(r -> new Version((String) r[0], (String) r[1], (String) r[2], offset(r[3]), (Boolean) r[4],
                (Boolean) r[5], (Boolean) r[6])).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Activation> activations(String table) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, table_name, version, activated_by, activated_at FROM decision_table_activation
                WHERE table_name = :t ORDER BY id DESC""").setParameter("t", table).getResultList();
        return rows.stream().map(r -> new Activation(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                offset(r[4]))).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Activation> current() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT DISTINCT ON (table_name) id, table_name, version, activated_by, activated_at
                FROM decision_table_activation ORDER BY table_name, id DESC""").getResultList();
        Map<String, Activation> current = new HashMap<>();
        for (Object[] r : rows) {
            current.put((String) r[1], new Activation(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    offset(r[4])));
        }
        return current;
    }

    private static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }
}
