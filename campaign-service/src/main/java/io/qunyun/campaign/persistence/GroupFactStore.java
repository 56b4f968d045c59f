package io.qunyun.campaign.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.campaign.domain.lifecycle.GroupFacts;

/** Group facts (table group_fact), stored and counted in SQL. */
@ApplicationScoped
public class GroupFactStore implements GroupFacts {

    private static final String COUNTS = """
            count(*) FILTER (WHERE kind NOT IN ('JOINED', 'LEFT', 'AD_SPAM') AND NOT counted_staff),
            count(*) FILTER (WHERE kind = 'CHECK_IN' AND NOT counted_staff),
            count(*) FILTER (WHERE kind = 'PURCHASE' AND NOT counted_staff),
            coalesce(sum(amount) FILTER (WHERE kind = 'PURCHASE' AND NOT counted_staff), 0),
            count(DISTINCT member_id) FILTER (WHERE kind = ANY (?) AND NOT counted_staff),
            count(DISTINCT member_id) FILTER (WHERE kind = ANY (?) AND NOT counted_staff),
            count(*) FILTER (WHERE kind = 'JOINED' AND NOT counted_staff),
            count(*) FILTER (WHERE kind = 'LEFT' AND NOT counted_staff),
            count(*) FILTER (WHERE kind = 'AD_SPAM'),
            count(*) FILTER (WHERE kind NOT IN ('JOINED', 'LEFT')),
            count(*) FILTER (WHERE kind = 'SHARE' AND NOT counted_staff)
            """;

    /**
     * The facts of a group with staff decided when read: a staff member's activity may arrive before
     * the membership event that says they are staff (two topics, no order between them).
     */
    private static final String FACTS = """
            (SELECT f.*, f.staff OR EXISTS (SELECT 1 FROM group_member m
                     WHERE m.group_id = f.group_id AND m.member_id = f.member_id AND m.staff) AS counted_staff
             FROM group_fact f WHERE f.group_id = ? AND f.local_day BETWEEN ? AND ?) facts
            """;

    private final Jdbc jdbc;

    GroupFactStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the activity facts of a whole poll with one statement (arrays unnested: one round trip and
     * one plan, whatever the number of facts). Staff is decided per fact as the member's membership of the
     * group at that instant (a staff membership held then); the event id keeps a fact stored once.
     *
     * @return facts stored now; the others were stored before (duplicate or redelivery)
     */
    @Override
    public int recordActivities(List<ActivityRow> rows, Instant receivedAt) {
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        String[] eventIds = new String[n];
        UUID[] groupIds = new UUID[n];
        UUID[] memberIds = new UUID[n];
        String[] kinds = new String[n];
        String[] occurredAt = new String[n];
        String[] localDays = new String[n];
        String[] amounts = new String[n];
        String[] phases = new String[n];
        for (int i = 0; i < n; i++) {
            ActivityRow r = rows.get(i);
            eventIds[i] = r.eventId();
            groupIds[i] = r.groupId();
            memberIds[i] = r.memberId();
            kinds[i] = r.kind();
            occurredAt[i] = r.occurredAt().toString(); // ISO-8601 with Z: read by PostgreSQL as that instant
            localDays[i] = r.localDay().toString();
            amounts[i] = r.amount() == null ? null : r.amount().toPlainString();
            phases[i] = r.campaignPhase();
        }
        return jdbc.update("""
                INSERT INTO group_fact (event_id, group_id, member_id, kind, staff, occurred_at, local_day, amount,
                                        campaign_phase, received_at)
                SELECT f.event_id, f.group_id, f.member_id, f.kind,
                       EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = f.group_id AND m.member_id = f.member_id
                                  AND m.staff AND m.joined_at <= f.occurred_at
                                  AND (m.left_at IS NULL OR m.left_at > f.occurred_at)),
                       f.occurred_at, f.local_day, f.amount, f.campaign_phase, ?
                FROM unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[]::timestamptz[], ?::text[]::date[],
                            ?::text[]::numeric[], ?::text[])
                     AS f(event_id, group_id, member_id, kind, occurred_at, local_day, amount, campaign_phase)
                ON CONFLICT (event_id) DO NOTHING
                """, receivedAt, eventIds, groupIds, memberIds, kinds, occurredAt, localDays, amounts, phases);
    }

    /** @return false when the event was stored before (duplicate or redelivery) */
    @Override
    public boolean recordFact(String eventId, UUID groupId, UUID memberId, String kind, boolean staff,
            Instant occurredAt, LocalDate localDay, BigDecimal amount, String campaignPhase, Instant receivedAt) {
        return jdbc.update("""
                INSERT INTO group_fact (event_id, group_id, member_id, kind, staff, occurred_at, local_day, amount,
                                        campaign_phase, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
                """, eventId, groupId, memberId, kind, staff, occurredAt, localDay, amount, campaignPhase,
                receivedAt) == 1;
    }

    private static FactCounts counts(ResultSet rs, LocalDate day, String phase, int first) throws SQLException {
        return new FactCounts(day, phase, rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2),
                rs.getBigDecimal(first + 3), rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6),
                rs.getLong(first + 7), rs.getLong(first + 8), rs.getLong(first + 9), rs.getLong(first + 10));
    }

    /** One row per local day that has facts. */
    @Override
    public List<FactCounts> daily(UUID groupId, LocalDate from, LocalDate to, String[] activeKinds,
            String[] convertedKinds) {
        return jdbc.query("SELECT local_day, " + COUNTS + " FROM " + FACTS + " GROUP BY local_day ORDER BY local_day",
                rs -> counts(rs, rs.getObject(1, LocalDate.class), null, 2), activeKinds, convertedKinds,
                groupId, from, to);
    }

    /** The whole span at once (distinct members over the span, not summed per day). */
    @Override
    public FactCounts span(UUID groupId, LocalDate from, LocalDate to, String[] activeKinds, String[] convertedKinds) {
        return jdbc.query("SELECT " + COUNTS + " FROM " + FACTS,
                rs -> counts(rs, null, null, 1), activeKinds, convertedKinds, groupId, from, to).get(0);
    }

    /** Per campaign phase (the phase member-service stamped on each activity) over a span. */
    @Override
    public List<FactCounts> byPhase(UUID groupId, LocalDate from, LocalDate to, String[] activeKinds,
            String[] convertedKinds) {
        return jdbc.query("SELECT campaign_phase, " + COUNTS + " FROM " + FACTS
                + " WHERE campaign_phase IS NOT NULL GROUP BY campaign_phase", rs -> counts(rs, null, rs.getString(1), 2), activeKinds, convertedKinds, groupId, from, to);
    }
}
