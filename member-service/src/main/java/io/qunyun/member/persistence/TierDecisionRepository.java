package io.qunyun.member.persistence;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/** Tier decisions applied to members (member_tier_decision): the idempotency record and the tier history. */
@ApplicationScoped
public class TierDecisionRepository {

    /** One applied decision; changed = it moved the member to another tier. */
    public record Applied(UUID decisionId, UUID memberId, String tier, String previousTier, boolean changed,
            String benefits, Long growthValue, List<String> firedRules, String tableVersion, Instant appliedAt) {
    }

    @Inject
    EntityManager em;

    /** The decision ids among these that were applied before (array parameter: one prepared statement). */
    public java.util.Set<UUID> appliedAmong(java.util.Collection<UUID> decisionIds) {
        return UuidArrayQuery.ids(em, "SELECT decision_id FROM member_tier_decision WHERE decision_id = ANY (?)",
                decisionIds);
    }

    /**
     * Stores decisions that {@link #appliedAmong} did not know, in one JDBC batch.
     *
     * @return per decision, whether its row was stored (false: another transaction stored it meanwhile; the
     *         caller decides whether that may happen)
     */
    public boolean[] insertAll(List<Applied> decisions) {
        boolean[] stored = new boolean[decisions.size()];
        if (decisions.isEmpty()) {
            return stored;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO member_tier_decision (decision_id, member_id, tier, previous_tier, changed, benefits,
                                                      growth_value, fired_rules, table_version, applied_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (decision_id) DO NOTHING""")) {
                for (Applied applied : decisions) {
                    Array rules = connection.createArrayOf("text", applied.firedRules().toArray());
                    insert.setObject(1, applied.decisionId());
                    insert.setObject(2, applied.memberId());
                    insert.setString(3, applied.tier());
                    insert.setString(4, applied.previousTier());
                    insert.setBoolean(5, applied.changed());
                    insert.setString(6, applied.benefits());
                    insert.setObject(7, applied.growthValue());
                    insert.setArray(8, rules);
                    insert.setString(9, applied.tableVersion());
                    insert.setObject(10, applied.appliedAt().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    stored[i] = counts[i] == 1;
                }
            }
        });
        return stored;
    }

    /** The member's tier changes, newest first. */
    @SuppressWarnings("unchecked")
    public List<Applied> changesOf(UUID memberId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT decision_id, member_id, tier, previous_tier, changed, benefits, growth_value, fired_rules,
                       table_version, applied_at
                FROM member_tier_decision WHERE member_id = :memberId AND changed
                ORDER BY applied_at DESC, decision_id""")
                .setParameter("memberId", memberId)
                .getResultList();
        List<Applied> changes = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            changes.add(new Applied((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], (Boolean) row[4],
                    (String) row[5], row[6] == null ? null : ((Number) row[6]).longValue(),
                    row[7] == null ? List.of() : List.of((String[]) row[7]), (String) row[8], toInstant(row[9])));
        }
        return changes;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
