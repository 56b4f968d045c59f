package io.qunyun.member.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import io.qunyun.platform.persistence.ArrayColumns;
import io.qunyun.member.domain.Activities;
import io.qunyun.member.domain.Activity;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID>, Activities {

    /**
     * Inserts each activity unless its member already used its idempotency key; a concurrent request with
     * the same key then waits for ours and inserts nothing. One statement for the whole list ({@link ArrayColumns};
     * a round trip per activity made the batch endpoint's cost grow with its size), in list order. Plain JDBC: one
     * statement text whatever the values, so the driver keeps it prepared and Hibernate builds nothing.
     *
     * @return per activity, whether its row was inserted (false: the key was taken meanwhile)
     */
    public boolean[] insertAllIfAbsent(List<Activity> batch) {
        boolean[] inserted = new boolean[batch.size()];
        if (batch.isEmpty()) {
            return inserted;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO activities (id, member_id, type, group_id, occurred_at, idempotency_key, recorded_at,
                                            product, amount, currency, content_kind,
                                            streak_days, campaign_phase, member_tier, prior_offences)
                    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::timestamptz[], ?::text[],
                                         ?::timestamptz[], ?::text[], ?::numeric[], ?::text[], ?::text[],
                                         ?::int[], ?::text[], ?::text[], ?::int[])
                    ON CONFLICT (member_id, idempotency_key) DO NOTHING
                    RETURNING id""")) {
                new ArrayColumns<>(connection, insert, batch)
                        .add("uuid", a -> a.id).add("uuid", a -> a.memberId).addText(a -> a.type.name())
                        .add("uuid", a -> a.groupId).addText(a -> a.occurredAt).addText(a -> a.idempotencyKey)
                        .addText(a -> a.recordedAt).addText(a -> a.product).addText(a -> a.amount)
                        .addText(a -> a.currency).addText(a -> a.contentKind).add("int4", a -> a.streakDays)
                        .addText(a -> a.campaignPhase).addText(a -> a.memberTier).add("int4", a -> a.priorOffences);
                java.util.Set<UUID> ids = new java.util.HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        ids.add((UUID) rows.getObject(1));
                    }
                }
                for (int i = 0; i < batch.size(); i++) {
                    inserted[i] = ids.contains(batch.get(i).id);
                }
            }
        });
        return inserted;
    }

    /**
     * The tier and prior offences of each of these members that exists, and which of the sent keys each used
     * before (key → activity id), in one statement: array parameters keep its text the same for any number of
     * activities (IN lists made Hibernate translate the query anew on every call). The keys are looked up as
     * the (member, key) pairs that were sent: matching every member against every key of the call made a
     * call of 500 activities probe the key index 250,000 times. Members that do not exist are absent from
     * the map.
     */
    public Map<UUID, RecordingFacts> recordingFacts(List<UUID> memberIds, List<String> keys) {
        Map<UUID, RecordingFacts> facts = new HashMap<>();
        if (memberIds.isEmpty()) {
            return facts;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT m.id, m.tier, m.prior_offences, sent.idempotency_key, a.id
                    FROM members m
                    LEFT JOIN (SELECT DISTINCT member_id, idempotency_key FROM unnest(?::uuid[], ?::text[])
                               AS sent(member_id, idempotency_key)) sent ON sent.member_id = m.id
                    LEFT JOIN LATERAL (
                        SELECT u.id FROM activities u
                        WHERE u.member_id = sent.member_id AND u.idempotency_key = sent.idempotency_key
                        UNION ALL -- the keys of records merged into the member travelled with them (issue 23)
                        SELECT u.id FROM members x
                        JOIN activities u ON u.member_id = x.id AND u.idempotency_key = sent.idempotency_key
                        WHERE x.merged_into = sent.member_id
                        LIMIT 1) a ON true
                    WHERE m.id = ANY (?)""")) {
                java.sql.Array members = connection.createArrayOf("uuid", memberIds.toArray());
                query.setArray(1, members);
                query.setArray(2, connection.createArrayOf("text", keys.toArray()));
                query.setArray(3, members);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        UUID id = (UUID) rows.getObject(1);
                        RecordingFacts member = facts.get(id);
                        if (member == null) {
                            member = new RecordingFacts(rows.getString(2), rows.getInt(3), new HashMap<>());
                            facts.put(id, member);
                        }
                        String key = rows.getString(4);
                        if (key != null && rows.getObject(5) != null) {
                            member.activityIdsByKey().put(key, (UUID) rows.getObject(5));
                        }
                    }
                }
            }
        });
        return facts;
    }

    /**
     * Consecutive local days, ending on {@code day}, on which the member checked in in this group (or
     * outside any group when groupId is null), {@code day} itself counted whether or not a check-in of
     * it is stored yet. Days are taken in {@code zone}.
     */
    public int checkInStreak(UUID memberId, UUID groupId, ZoneId zone, LocalDate day) {
        // Walks back a day at a time while the day before has a check-in: one index probe per day of the
        // streak. Numbering every distinct check-in day of the member instead read their whole check-in
        // history for every check-in, and was the most frequent statement under load (docs/performance.md).
        // A local day D is [D 00:00, D+1 00:00) in the zone; `timestamp AT TIME ZONE zone` is that instant.
        // A scalar subquery with LIMIT 1, not EXISTS: the planner turned EXISTS into a semi-join that read
        // every check-in of the member (547 rows for a benchmark member) instead of probing the day's range.
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    WITH RECURSIVE streak(d) AS (
                        SELECT CAST(? AS date)
                        UNION ALL
                        SELECT s.d - 1 FROM streak s
                        WHERE (
                            SELECT true FROM activities
                            WHERE member_id = ? AND type = 'CHECK_IN'
                              AND group_id IS NOT DISTINCT FROM CAST(? AS uuid)
                              AND occurred_at >= ((s.d - 1)::timestamp AT TIME ZONE ?)
                              AND occurred_at < (s.d::timestamp AT TIME ZONE ?)
                            LIMIT 1)
                    )
                    SELECT count(*) FROM streak""")) {
                query.setObject(1, day);
                query.setObject(2, memberId);
                query.setObject(3, groupId, Types.OTHER);
                query.setString(4, zone.getId());
                query.setString(5, zone.getId());
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /** A member's activities, newest first, strictly after the cursor (recordedAt, id) when given. */
    public List<Activity> page(UUID memberId, Instant afterRecordedAt, UUID afterId, int limit) {
        if (afterRecordedAt == null) {
            return find("memberId = ?1 order by recordedAt desc, id desc", memberId).page(0, limit).list();
        }
        return find("memberId = ?1 and (recordedAt < ?2 or (recordedAt = ?2 and id < ?3)) order by recordedAt desc, id desc",
                memberId, afterRecordedAt, afterId).page(0, limit).list();
    }

    /**
     * These activities (those that exist), loaded by id in one statement: Hibernate loads many ids with
     * one array parameter on PostgreSQL, so there is no query text to translate per call.
     */
    public List<Activity> loadByIds(List<UUID> ids) {
        return getEntityManager().unwrap(Session.class).byMultipleIds(Activity.class).multiLoad(ids).stream()
                .filter(java.util.Objects::nonNull).toList();
    }

    public Optional<Activity> findByIdempotencyKey(UUID memberId, String idempotencyKey) {
        return find("memberId = ?1 and idempotencyKey = ?2", memberId, idempotencyKey).firstResultOptional();
    }

    @Override
    public java.util.Optional<Activity> byId(java.util.UUID id) {
        return findByIdOptional(id);
    }
}
