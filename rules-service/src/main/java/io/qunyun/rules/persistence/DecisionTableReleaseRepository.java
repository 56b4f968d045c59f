package io.qunyun.rules.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DecisionTableReleaseRepository implements PanacheRepositoryBase<DecisionTableRelease, DecisionTableRelease.Key> {

    /**
     * Records that a table version is being served; a version already recorded keeps its first
     * timestamp (several replicas or restarts race safely thanks to ON CONFLICT).
     */
    @Transactional
    public void recordServed(String tableName, String version, int rowCount) {
        getEntityManager().createNativeQuery("""
                INSERT INTO decision_table_release (table_name, version, row_count, first_served_at)
                VALUES (:tableName, :version, :rowCount, now())
                ON CONFLICT (table_name, version) DO NOTHING""")
                .setParameter("tableName", tableName)
                .setParameter("version", version)
                .setParameter("rowCount", rowCount)
                .executeUpdate();
    }

    public List<DecisionTableRelease> listByTableAndTime() {
        return listAll(Sort.by("key.tableName").and("firstServedAt"));
    }
}
