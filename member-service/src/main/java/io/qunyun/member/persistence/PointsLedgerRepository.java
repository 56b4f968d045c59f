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

import io.qunyun.platform.persistence.ArrayColumns;
import io.qunyun.member.domain.LedgerEntry;
import io.qunyun.member.domain.LedgerPosting;
import io.qunyun.member.domain.PointsLedger;

/** The append-only points ledger: there is deliberately no update or delete here. */
@ApplicationScoped
public class PointsLedgerRepository implements PanacheRepository<LedgerEntry>, PointsLedger {

    /**
     * Appends the row unless its activity id was used before (redelivery, duplicate publish, a second
     * expiry run) and, only if appended, moves the member's balance and growth counters by the row's
     * amounts and counts a penalty in members.prior_offences (the Rewards context reads that counter
     * instead of counting penalised rows per activity), in the caller's transaction.
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
                bind(connection, insert, posting);
                try (ResultSet inserted = insert.executeQuery()) {
                    if (inserted.next()) {
                        id = inserted.getLong(1);
                    }
                }
            }
            if (id != null && (posting.points() != 0 || posting.movesGrowth() || posting.penalty())) {
                try (PreparedStatement credit = connection.prepareStatement("""
                        UPDATE members SET points_balance = points_balance + ?,
                                           growth_purchases = growth_purchases + ?,
                                           growth_content_points = growth_content_points + ?,
                                           growth_behaviour_points = growth_behaviour_points + ?,
                                           prior_offences = prior_offences + ?
                        WHERE id = ?""")) {
                    credit.setLong(1, posting.points());
                    credit.setLong(2, posting.purchasesDelta());
                    credit.setLong(3, posting.contentDelta());
                    credit.setLong(4, posting.behaviourDelta());
                    credit.setInt(5, posting.penalty() ? 1 : 0);
                    credit.setObject(6, posting.memberId());
                    credit.executeUpdate();
                }
            }
            return id;
        });
    }

    /**
     * Appends many rows in one statement ({@link ArrayColumns}; not a statement per row), each unless its activity id
     * was used before, then moves each member's balance, growth counters and prior offences once by the
     * sum of the rows appended for it (a second statement). Used by the reward-decisions consumer for a whole poll.
     *
     * @return per posting, whether it was appended
     */
    public boolean[] appendAllIfAbsent(List<LedgerPosting> postings) {
        boolean[] appended = new boolean[postings.size()];
        if (postings.isEmpty()) {
            return appended;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO points_ledger (member_id, activity_id, decision_id, activity_type, points, reason,
                                               fired_rules, table_version, occurred_at, credited_at, kind, group_id,
                                               local_day, penalty, growth_input, capped_by, policy_version,
                                               expires_at, refers_to)
                    SELECT m, a, d, t, p, r, f::text[], v, o, c, k, g, l, pe, gi, cb, pv, e, rt
                    FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
                                ?::timestamptz[], ?::timestamptz[], ?::text[], ?::uuid[], ?::date[], ?::boolean[],
                                ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[])
                         AS u(m, a, d, t, p, r, f, v, o, c, k, g, l, pe, gi, cb, pv, e, rt)
                    ON CONFLICT (activity_id) DO NOTHING
                    RETURNING activity_id""")) {
                // fired rules: an array per row, sent as one array literal per row and cast back
                new ArrayColumns<>(connection, insert, postings)
                        .add("uuid", LedgerPosting::memberId).add("uuid", LedgerPosting::activityId)
                        .add("uuid", LedgerPosting::decisionId).addText(LedgerPosting::activityType)
                        .add("int4", LedgerPosting::points).addText(LedgerPosting::reason)
                        .addText(p -> ArrayColumns.literal(p.firedRules())).addText(LedgerPosting::tableVersion)
                        .addText(LedgerPosting::occurredAt).addText(LedgerPosting::creditedAt)
                        .addText(p -> p.kind().name()).add("uuid", LedgerPosting::groupId)
                        .addText(LedgerPosting::localDay).add("bool", LedgerPosting::penalty)
                        .addText(LedgerPosting::growthInput).addText(LedgerPosting::cappedBy)
                        .addText(LedgerPosting::policyVersion).addText(LedgerPosting::expiresAt)
                        .add("int8", LedgerPosting::refersTo);
                java.util.Set<UUID> ids = new java.util.HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        ids.add((UUID) rows.getObject(1));
                    }
                }
                for (int i = 0; i < postings.size(); i++) {
                    // remove: of two postings of one activity in the list, the first (inserted first) was appended
                    appended[i] = ids.remove(postings.get(i).activityId());
                }
            }
            // one row of deltas per member, one UPDATE … FROM unnest for all (the caller holds these rows' locks)
            java.util.TreeMap<UUID, long[]> deltas = new java.util.TreeMap<>();
            for (int i = 0; i < postings.size(); i++) {
                LedgerPosting posting = postings.get(i);
                if (appended[i] && (posting.points() != 0 || posting.movesGrowth() || posting.penalty())) {
                    long[] d = deltas.computeIfAbsent(posting.memberId(), id -> new long[5]);
                    d[0] += posting.points();
                    d[1] += posting.purchasesDelta();
                    d[2] += posting.contentDelta();
                    d[3] += posting.behaviourDelta();
                    d[4] += posting.penalty() ? 1 : 0;
                }
            }
            if (deltas.isEmpty()) {
                return;
            }
            List<java.util.Map.Entry<UUID, long[]>> rows = new java.util.ArrayList<>(deltas.entrySet());
            try (PreparedStatement credit = connection.prepareStatement("""
                    UPDATE members m SET points_balance = m.points_balance + d.points,
                                         growth_purchases = m.growth_purchases + d.purchases,
                                         growth_content_points = m.growth_content_points + d.content,
                                         growth_behaviour_points = m.growth_behaviour_points + d.behaviour,
                                         prior_offences = m.prior_offences + d.offences
                    FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::int[])
                         AS d(id, points, purchases, content, behaviour, offences)
                    WHERE m.id = d.id""")) {
                new ArrayColumns<>(connection, credit, rows).add("uuid", java.util.Map.Entry::getKey)
                        .add("int8", e -> e.getValue()[0]).add("int8", e -> e.getValue()[1])
                        .add("int8", e -> e.getValue()[2]).add("int8", e -> e.getValue()[3])
                        .add("int4", e -> Math.toIntExact(e.getValue()[4]));
                credit.executeUpdate();
            }
        });
        return appended;
    }

    /** The activity ids among these that have a ledger row already (array parameter: one prepared statement). */
    public java.util.Set<UUID> presentActivityIds(Collection<UUID> activityIds) {
        return UuidArrayQuery.ids(getEntityManager(),
                "SELECT activity_id FROM points_ledger WHERE activity_id = ANY (?)", activityIds);
    }

    /**
     * {@link #creditedOnDay} for many keys in one query; keys with no row are absent from the map.
     * Callers hold the members' row locks.
     */
    public java.util.Map<DayKey, Long> creditedOnDays(Collection<DayKey> keys) {
        java.util.Map<DayKey, Long> counts = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return counts;
        }
        java.util.Set<UUID> memberIds = new java.util.HashSet<>();
        java.util.Set<LocalDate> days = new java.util.HashSet<>();
        for (DayKey key : keys) {
            memberIds.add(key.memberId());
            days.add(key.localDay());
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT member_id, activity_type, local_day, count(*) FROM points_ledger
                    WHERE member_id = ANY (?) AND local_day = ANY (?) AND kind = 'REWARD' AND points > 0
                    GROUP BY member_id, activity_type, local_day""")) {
                query.setArray(1, connection.createArrayOf("uuid", memberIds.toArray()));
                query.setArray(2, connection.createArrayOf("date",
                        days.stream().map(LocalDate::toString).toArray()));
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        DayKey key = new DayKey((UUID) rows.getObject(1), rows.getString(2),
                                rows.getObject(3, LocalDate.class));
                        if (keys.contains(key)) {
                            counts.put(key, rows.getLong(4));
                        }
                    }
                }
            }
        });
        return counts;
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

    private static void bind(java.sql.Connection connection, PreparedStatement insert, LedgerPosting posting)
            throws java.sql.SQLException {
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
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws java.sql.SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }
}
