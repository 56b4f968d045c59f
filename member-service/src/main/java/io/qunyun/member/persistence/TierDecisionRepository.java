package io.qunyun.member.persistence;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.qunyun.platform.persistence.ArrayColumns;
import io.qunyun.member.domain.TierDecisions;

/** Tier decisions applied to members (member_tier_decision): the idempotency record and the tier history. */
@ApplicationScoped
public class TierDecisionRepository implements TierDecisions {

    @Inject
    EntityManager em;

    /** The decision ids among these that were applied before (array parameter: one prepared statement). */
    public java.util.Set<UUID> appliedAmong(java.util.Collection<UUID> decisionIds) {
        return UuidArrayQuery.ids(em, "SELECT decision_id FROM member_tier_decision WHERE decision_id = ANY (?)",
                decisionIds);
    }

    /**
     * Stores decisions that {@link #appliedAmong} did not know, in one statement.
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
                    SELECT d, m, t, pt, c, b, g, f::text[], v, a
                    FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::bigint[],
                                ?::text[], ?::text[], ?::timestamptz[]) AS u(d, m, t, pt, c, b, g, f, v, a)
                    ON CONFLICT (decision_id) DO NOTHING
                    RETURNING decision_id""")) {
                // one statement for the list (ArrayColumns); fired rules as one array literal per row
                new ArrayColumns<>(connection, insert, decisions).add("uuid", Applied::decisionId)
                        .add("uuid", Applied::memberId).addText(Applied::tier).addText(Applied::previousTier)
                        .add("bool", Applied::changed).addText(Applied::benefits).add("int8", Applied::growthValue)
                        .addText(d -> ArrayColumns.literal(d.firedRules())).addText(Applied::tableVersion)
                        .addText(Applied::appliedAt);
                java.util.Set<UUID> ids = new java.util.HashSet<>();
                try (java.sql.ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        ids.add((UUID) rows.getObject(1));
                    }
                }
                for (int i = 0; i < decisions.size(); i++) {
                    // remove: of a decision listed twice, the first was stored
                    stored[i] = ids.remove(decisions.get(i).decisionId());
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
