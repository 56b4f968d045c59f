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

    @Transactional
    public Optional<byte[]> find(String table, String version, String build) {
        List<?> rows = em.createNativeQuery("""
                SELECT module FROM decision_table_compiled WHERE table_name = :t AND version = :v AND build = :b""")
                .setParameter("t", table).setParameter("v", version).setParameter("b", build).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((byte[]) rows.get(0));
    }

    /** Stores a compiled version unless one is stored already (instances that compiled it at once race safely). */
    @Transactional
    public void store(String table, String version, String build, byte[] module) {
        em.createNativeQuery("""
                INSERT INTO decision_table_compiled (table_name, version, build, module) VALUES (:t, :v, :b, :m)
                ON CONFLICT (table_name, version, build) DO NOTHING""")
                .setParameter("t", table).setParameter("v", version).setParameter("b", build).setParameter("m", module)
                .executeUpdate();
    }
}
