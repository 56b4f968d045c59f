package io.qunyun.campaign.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Group metrics facts, the roster, lifecycle actions and their tasks (V60__group_lifecycle.sql). */
@ApplicationScoped
public class LifecycleStore {

    private final Jdbc jdbc;
    private final ObjectMapper json;

    LifecycleStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- roster and facts --------------------------------------------------------------------------

    public void memberJoined(UUID membershipId, UUID groupId, UUID memberId, boolean staff, String layer,
            Instant joinedAt) {
        jdbc.update("""
                INSERT INTO group_member (membership_id, group_id, member_id, staff, layer, joined_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (membership_id) DO UPDATE SET staff = excluded.staff, layer = coalesce(excluded.layer, group_member.layer)
                """, membershipId, groupId, memberId, staff, layer, joinedAt);
    }

    public void memberLeft(UUID membershipId, UUID groupId, UUID memberId, boolean staff, String layer,
            Instant joinedAt, Instant leftAt) {
        jdbc.update("""
                INSERT INTO group_member (membership_id, group_id, member_id, staff, layer, joined_at, left_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (membership_id) DO UPDATE SET left_at = excluded.left_at
                """, membershipId, groupId, memberId, staff, layer, joinedAt == null ? leftAt : joinedAt, leftAt);
    }

    public void memberChanged(UUID membershipId, String layer) {
        if (layer != null) {
            jdbc.update("UPDATE group_member SET layer = ? WHERE membership_id = ?", layer, membershipId);
        }
    }

    /** The time zone of each of these groups that campaign-service knows (one statement for a whole poll). */
    public Map<UUID, String> zones(Collection<UUID> groupIds) {
        Map<UUID, String> out = new HashMap<>();
        for (String[] row : jdbc.query("SELECT id::text, time_zone FROM community_group WHERE id = ANY (?)",
                rs -> new String[] { rs.getString(1), rs.getString(2) }, (Object) groupIds.toArray(UUID[]::new))) {
            out.put(UUID.fromString(row[0]), row[1]);
        }
        return out;
    }

    /** An activity fact to store, its local day already in the group's zone. */
    public record ActivityRow(String eventId, UUID groupId, UUID memberId, String kind, Instant occurredAt,
            LocalDate localDay, BigDecimal amount, String campaignPhase) {
    }

    /**
     * Stores the activity facts of a whole poll with one statement (arrays unnested: one round trip and
     * one plan, whatever the number of facts). Staff is decided per fact as the member's membership of the
     * group at that instant (a staff membership held then); the event id keeps a fact stored once.
     *
     * @return facts stored now; the others were stored before (duplicate or redelivery)
     */
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
    public boolean recordFact(String eventId, UUID groupId, UUID memberId, String kind, boolean staff,
            Instant occurredAt, LocalDate localDay, BigDecimal amount, String campaignPhase, Instant receivedAt) {
        return jdbc.update("""
                INSERT INTO group_fact (event_id, group_id, member_id, kind, staff, occurred_at, local_day, amount,
                                        campaign_phase, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
                """, eventId, groupId, memberId, kind, staff, occurredAt, localDay, amount, campaignPhase,
                receivedAt) == 1;
    }

    /** Counts of one span of local days (staff excluded everywhere but in spam). */
    public record FactCounts(LocalDate day, String phase, long interactions, long checkIns, long purchases,
            BigDecimal revenue, long activeMembers, long convertedMembers, long joins, long exits, long spam,
            long activities, long shares) {
    }

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

    private static FactCounts counts(ResultSet rs, LocalDate day, String phase, int first) throws SQLException {
        return new FactCounts(day, phase, rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2),
                rs.getBigDecimal(first + 3), rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6),
                rs.getLong(first + 7), rs.getLong(first + 8), rs.getLong(first + 9), rs.getLong(first + 10));
    }

    /** One row per local day that has facts. */
    public List<FactCounts> daily(UUID groupId, LocalDate from, LocalDate to, String[] activeKinds,
            String[] convertedKinds) {
        return jdbc.query("SELECT local_day, " + COUNTS + " FROM " + FACTS + " GROUP BY local_day ORDER BY local_day",
                rs -> counts(rs, rs.getObject(1, LocalDate.class), null, 2), activeKinds, convertedKinds,
                groupId, from, to);
    }

    /** The whole span at once (distinct members over the span, not summed per day). */
    public FactCounts span(UUID groupId, LocalDate from, LocalDate to, String[] activeKinds, String[] convertedKinds) {
        return jdbc.query("SELECT " + COUNTS + " FROM " + FACTS,
                rs -> counts(rs, null, null, 1), activeKinds, convertedKinds, groupId, from, to).get(0);
    }

    /** Per campaign phase (the phase member-service stamped on each activity) over a span. */
    public List<FactCounts> byPhase(UUID groupId, LocalDate from, LocalDate to, String[] activeKinds,
            String[] convertedKinds) {
        return jdbc.query("SELECT campaign_phase, " + COUNTS + " FROM " + FACTS
                + " WHERE campaign_phase IS NOT NULL GROUP BY campaign_phase", rs -> counts(rs, null, rs.getString(1), 2), activeKinds, convertedKinds, groupId, from, to);
    }

    /** Non-staff members in the group at some time of each local day (joined before its end, not left before its start). */
    public List<long[]> membersPerDay(UUID groupId, String zone, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT d::date - ?::date, (SELECT count(*) FROM group_member m
                        WHERE m.group_id = ? AND NOT m.staff
                          AND m.joined_at < ((d + interval '1 day')::timestamp AT TIME ZONE ?)
                          AND (m.left_at IS NULL OR m.left_at >= (d::timestamp AT TIME ZONE ?)))
                FROM generate_series(?::date, ?::date, interval '1 day') d ORDER BY d
                """, rs -> new long[] { rs.getLong(1), rs.getLong(2) }, from, groupId, zone, zone, from, to);
    }

    /** A campaign's METRIC_CHECKPOINT steps for the group (group-level rows), in order. */
    public record Checkpoint(String stepId, int day, String localDue, String state, String phase) {
    }

    public List<Checkpoint> checkpoints(UUID campaignId, UUID groupId) {
        return jdbc.query("""
                SELECT step_id, day, local_due, state, phase FROM campaign_step
                WHERE campaign_id = ? AND group_id = ? AND action = 'METRIC_CHECKPOINT' AND target = 'group'
                ORDER BY due_at, step_id
                """, rs -> new Checkpoint(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5)), campaignId, groupId);
    }

    // --- metrics reports -----------------------------------------------------------------------------

    public boolean markReported(UUID groupId, LocalDate day, UUID eventId, Instant at) {
        return jdbc.update("""
                INSERT INTO group_metrics_report (group_id, local_day, event_id, reported_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, groupId, day, eventId, at) == 1;
    }

    // --- actions -------------------------------------------------------------------------------------

    public record Action(UUID id, UUID groupId, String cause, String decisionId, String verdict, String reviveKind,
            String message, String table, String tableVersion, String decidedBy, List<String> firedRules,
            UUID successorGroupId, String state, String reason, Instant closeAt, Instant createdAt,
            Instant updatedAt) {
    }

    /** @return false when an action for this decision exists already (redelivered decision) */
    public boolean insertAction(Action a) {
        return jdbc.update("""
                INSERT INTO lifecycle_action (id, group_id, cause, decision_id, verdict, revive_kind, message,
                    decision_table, table_version, decided_by, fired_rules, successor_group_id, state, reason, close_at,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id) DO NOTHING
                """, a.id(), a.groupId(), a.cause(), a.decisionId(), a.verdict(), a.reviveKind(), a.message(),
                a.table(), a.tableVersion(), a.decidedBy(), write(a.firedRules()), a.successorGroupId(), a.state(),
                a.reason(), a.closeAt(), a.createdAt(), a.updatedAt()) == 1;
    }

    public void finishAction(UUID id, String state, String reason, Instant at) {
        jdbc.update("UPDATE lifecycle_action SET state = ?, reason = coalesce(?, reason), updated_at = ? WHERE id = ?",
                state, reason, at, id);
    }

    public List<Action> actions(UUID groupId) {
        return jdbc.query("SELECT * FROM lifecycle_action WHERE group_id = ? ORDER BY created_at, id", this::action,
                groupId);
    }

    public List<Action> runningActions(int limit) {
        return jdbc.query("SELECT * FROM lifecycle_action WHERE state = 'RUNNING' ORDER BY created_at LIMIT ?",
                this::action, limit);
    }

    /** Locks the action row: one instance finishes an action. */
    public Optional<Action> lockRunning(UUID id) {
        return jdbc.one("SELECT * FROM lifecycle_action WHERE id = ? AND state = 'RUNNING' FOR UPDATE SKIP LOCKED",
                this::action, id);
    }

    private Action action(ResultSet rs) throws SQLException {
        return new Action((UUID) rs.getObject("id"), (UUID) rs.getObject("group_id"), rs.getString("cause"),
                rs.getString("decision_id"), rs.getString("verdict"), rs.getString("revive_kind"),
                rs.getString("message"), rs.getString("decision_table"), rs.getString("table_version"),
                rs.getString("decided_by"), read(rs.getString("fired_rules")),
                (UUID) rs.getObject("successor_group_id"), rs.getString("state"), rs.getString("reason"),
                Jdbc.instant(rs, "close_at"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    // --- tasks ---------------------------------------------------------------------------------------

    public record Task(UUID id, UUID actionId, UUID groupId, String kind, UUID memberId, String layer, int rank,
            UUID targetGroupId, String content, String status, String outcome, Instant createdAt, Instant updatedAt) {
    }

    public int insertTasks(List<Task> tasks) {
        return jdbc.batch("""
                INSERT INTO lifecycle_task (id, action_id, group_id, kind, member_id, layer, rank, target_group_id,
                    content, status, outcome, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, tasks, (ps, t) -> Jdbc.bind(ps, t.id(), t.actionId(), t.groupId(), t.kind(), t.memberId(),
                t.layer(), t.rank(), t.targetGroupId(), t.content(), t.status(), t.outcome(), t.createdAt(),
                t.updatedAt()));
    }

    public List<Task> tasks(UUID groupId) {
        return jdbc.query("SELECT * FROM lifecycle_task WHERE group_id = ? ORDER BY action_id, rank, member_id",
                this::task, groupId);
    }

    /** Open invitations, promising members (lower rank) first; locked so two instances never send one twice. */
    public List<Task> claimOpenInvitations(int limit) {
        return jdbc.query("""
                SELECT * FROM lifecycle_task WHERE kind = 'INVITE' AND status = 'OPEN'
                ORDER BY rank, created_at, id LIMIT ? FOR UPDATE SKIP LOCKED
                """, this::task, limit);
    }

    public void settleTask(UUID id, String status, String outcome, Instant at) {
        jdbc.update("UPDATE lifecycle_task SET status = ?, outcome = ?, updated_at = ? WHERE id = ? AND status = 'OPEN'",
                status, outcome, at, id);
    }

    public long openTasks(UUID actionId, String kind) {
        return jdbc.one("SELECT count(*) FROM lifecycle_task WHERE action_id = ? AND kind = ? AND status = 'OPEN'",
                rs -> rs.getLong(1), actionId, kind).orElse(0L);
    }

    private Task task(ResultSet rs) throws SQLException {
        return new Task((UUID) rs.getObject("id"), (UUID) rs.getObject("action_id"), (UUID) rs.getObject("group_id"),
                rs.getString("kind"), (UUID) rs.getObject("member_id"), rs.getString("layer"), rs.getInt("rank"),
                (UUID) rs.getObject("target_group_id"), rs.getString("content"), rs.getString("status"),
                rs.getString("outcome"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    // --- groups ----------------------------------------------------------------------------------------

    /** Groups of these types past their lifespan and not ended yet (lifespan expiry). */
    public List<UUID> expiredGroups(List<String> types, Instant now) {
        return jdbc.query("""
                SELECT id FROM community_group
                WHERE group_type = ANY (?) AND lifespan_hours IS NOT NULL
                  AND state IN ('ACTIVE', 'DORMANT', 'REVIVING')
                  AND created_at + lifespan_hours * interval '1 hour' <= ?
                ORDER BY created_at
                """, rs -> (UUID) rs.getObject(1), types.toArray(String[]::new), now);
    }

    /** Start of the campaign running in the group (local midnight of its start date in the group's zone), if any. */
    public Optional<Instant> runningCampaignStart(UUID groupId) {
        return jdbc.one("""
                SELECT min(c.start_date::timestamp AT TIME ZONE cg.time_zone) FROM campaign c
                JOIN campaign_group cg ON cg.campaign_id = c.id
                WHERE cg.group_id = ? AND c.state = 'RUNNING'
                """, rs -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(), groupId);
    }

    /** Groups still running whose metrics may be reported. */
    public List<UUID> reportableGroups() {
        return jdbc.query("SELECT id FROM community_group WHERE state <> 'DISSOLVED' ORDER BY created_at",
                rs -> (UUID) rs.getObject(1));
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
