package io.qunyun.member.persistence;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import io.qunyun.member.domain.LedgerPosting;

/** The append-only points ledger: there is deliberately no update or delete here. */
@ApplicationScoped
public class PointsLedgerRepository implements PanacheRepository<LedgerEntry> {

    /**
     * Appends the row unless its activity id was used before (redelivery, duplicate publish, a second
     * expiry run) and, only if appended, moves the member's balance and growth counters by the row's
     * amounts, in the caller's transaction.
     *
     * @return the new row's id, or null if nothing was appended
     */
    public Long appendIfAbsent(LedgerPosting posting) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Long id = null;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO points_ledger (member_id, activity_id, decision_id, activity_type, points, reason,
                                               fired_rules, table_version, occurred_at, credited_at, kind, group_id,
                                               local_day, penalty, growth_input, capped_by, policy_version,
                                               expires_at, refers_to)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (activity_id) DO NOTHING
                    RETURNING id""")) {
                Array firedRules = connection.createArrayOf("text", posting.firedRules().toArray());
                insert.setObject(1, posting.memberId());
                insert.setObject(2, posting.activityId());
                insert.setObject(3, posting.decisionId());
                insert.setString(4, posting.activityType());
                insert.setInt(5, posting.points());
                insert.setString(6, posting.reason());
                insert.setArray(7, firedRules);
                insert.setString(8, posting.tableVersion());
                setInstant(insert, 9, posting.occurredAt());
                setInstant(insert, 10, posting.creditedAt());
                insert.setString(11, posting.kind().name());
                insert.setObject(12, posting.groupId());
                if (posting.localDay() == null) {
                    insert.setNull(13, Types.DATE);
                } else {
                    insert.setObject(13, posting.localDay());
                }
                insert.setBoolean(14, posting.penalty());
                insert.setString(15, posting.growthInput());
                insert.setString(16, posting.cappedBy());
                insert.setString(17, posting.policyVersion());
                setInstant(insert, 18, posting.expiresAt());
                if (posting.refersTo() == null) {
                    insert.setNull(19, Types.BIGINT);
                } else {
                    insert.setLong(19, posting.refersTo());
                }
                try (ResultSet inserted = insert.executeQuery()) {
                    if (inserted.next()) {
                        id = inserted.getLong(1);
                    }
                }
            }
            if (id != null && (posting.points() != 0 || posting.movesGrowth())) {
                try (PreparedStatement credit = connection.prepareStatement("""
                        UPDATE members SET points_balance = points_balance + ?,
                                           growth_purchases = growth_purchases + ?,
                                           growth_content_points = growth_content_points + ?,
                                           growth_behaviour_points = growth_behaviour_points + ?
                        WHERE id = ?""")) {
                    credit.setLong(1, posting.points());
                    credit.setLong(2, posting.purchasesDelta());
                    credit.setLong(3, posting.contentDelta());
                    credit.setLong(4, posting.behaviourDelta());
                    credit.setObject(5, posting.memberId());
                    credit.executeUpdate();
                }
            }
            return id;
        });
    }

    /**
     * Positive REWARD rows of this type the member was credited in this group (null = outside any
     * group) on this local day. Callers hold the member's row lock, so the count cannot go stale
     * before their own row is appended.
     */
    public long creditedOnDay(UUID memberId, String activityType, UUID groupId, LocalDate localDay) {
        return ((Number) getEntityManager().createNativeQuery("""
                SELECT count(*) FROM points_ledger
                WHERE member_id = :memberId AND activity_type = :activityType AND local_day = :localDay
                  AND kind = 'REWARD' AND points > 0
                  AND group_id IS NOT DISTINCT FROM CAST(:groupId AS uuid)""")
                .setParameter("memberId", memberId)
                .setParameter("activityType", activityType)
                .setParameter("localDay", localDay)
                .setParameter("groupId", groupId == null ? null : groupId.toString())
                .getSingleResult()).longValue();
    }

    /** Penalised activities of the member so far (the Rewards table's priorOffences). */
    public int penaltiesOf(UUID memberId) {
        return ((Number) getEntityManager().createNativeQuery(
                "SELECT count(*) FROM points_ledger WHERE member_id = :memberId AND penalty")
                .setParameter("memberId", memberId)
                .getSingleResult()).intValue();
    }

    /** Newest first, strictly older than the cursor (a ledger id) when given. */
    public List<LedgerEntry> page(UUID memberId, Long afterId, int limit) {
        if (afterId == null) {
            return find("memberId = ?1 order by id desc", memberId).page(0, limit).list();
        }
        return find("memberId = ?1 and id < ?2 order by id desc", memberId, afterId).page(0, limit).list();
    }

    /** Positive REWARD rows whose expiry is due and that have not expired yet, oldest first. */
    @SuppressWarnings("unchecked")
    public List<LedgerEntry> dueForExpiry(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT c.* FROM points_ledger c
                WHERE c.kind = 'REWARD' AND c.points > 0 AND c.expires_at <= :now
                  AND NOT EXISTS (SELECT 1 FROM points_ledger e WHERE e.kind = 'EXPIRY' AND e.refers_to = c.id)
                ORDER BY c.expires_at, c.id
                LIMIT :limit""", LedgerEntry.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Points of positive REWARD rows of the member credited after {@code entryId} that have not expired:
     * with first-in-first-out spending, the balance beyond these is what is left of older rows.
     */
    public long unexpiredCreditsAfter(UUID memberId, long entryId) {
        return ((Number) getEntityManager().createNativeQuery("""
                SELECT COALESCE(sum(c.points), 0) FROM points_ledger c
                WHERE c.member_id = :memberId AND c.id > :entryId AND c.kind = 'REWARD' AND c.points > 0
                  AND NOT EXISTS (SELECT 1 FROM points_ledger e WHERE e.kind = 'EXPIRY' AND e.refers_to = c.id)""")
                .setParameter("memberId", memberId)
                .setParameter("entryId", entryId)
                .getSingleResult()).longValue();
    }

    public List<Long> idsOf(Collection<UUID> activityIds) {
        return new ArrayList<>(getEntityManager()
                .createQuery("select e.id from LedgerEntry e where e.activityId in :ids", Long.class)
                .setParameter("ids", activityIds)
                .getResultList());
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws java.sql.SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }
}
