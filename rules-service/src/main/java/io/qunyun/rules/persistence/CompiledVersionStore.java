package io.qunyun.rules.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Compiled published versions, by table, version and build of the service (decision_table_compiled): a cache
 * that spares a restarted or second instance the compile of a published version.
 */
@ApplicationScoped
public class CompiledVersionStore {

    @Inject
    EntityManager em;

    /** A stored module and its signature (null for a row stored before modules were signed). */
    public record Stored(byte[] module, String signature) {
    }

    @Transactional
    public Optional<Stored> find(String table, String version, String build) {
        List<?> rows = em.createNativeQuery("""
                SELECT module, signature FROM decision_table_compiled WHERE table_name = :t AND version = :v AND build = :b""")
                .setParameter("t", table).setParameter("v", version).setParameter("b", build).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Stored((byte[]) row[0], (String) row[1]));
    }

    /**
     * Stores a compiled version with its signature. A row already there with the same signature stays (instances that
     * compiled it at once race safely); one with another signature (tampered with, or signed with another process's key)
     * is replaced, so it is compiled only once more.
     */
    @Transactional
    public void store(String table, String version, String build, byte[] module, String signature) {
        em.createNativeQuery("""
                INSERT INTO decision_table_compiled (table_name, version, build, module, signature) VALUES (:t, :v, :b, :m, :s)
                ON CONFLICT (table_name, version, build) DO UPDATE SET module = EXCLUDED.module, signature = EXCLUDED.signature,
                    compiled_at = now()
                WHERE decision_table_compiled.signature IS DISTINCT FROM EXCLUDED.signature""")
                .setParameter("t", table).setParameter("v", version).setParameter("b", build).setParameter("m", module)
                .setParameter("s", signature).executeUpdate();
    }
}
