package io.qunyun.campaign.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.campaign.persistence.Rows.CampaignGroupRow;
import io.qunyun.campaign.persistence.Rows.CampaignRow;
import io.qunyun.campaign.persistence.Rows.StepRow;
import io.qunyun.campaign.persistence.Rows.TaskRow;

/** Campaigns, their timeline rows, touches and tasks. Every method runs in the caller's transaction. */
@ApplicationScoped
public class CampaignStore {

    private static final String STEP_COLUMNS = "id, campaign_id, group_id, step_id, occurrence, target, member_id, "
            + "kind, action, phase, day, planned_at, due_at, local_due, staleness_s, state, reason, cursor, fired_at";
    private static final String TASK_COLUMNS = "id, campaign_step_id, campaign_id, group_id, step_id, occurrence, "
            + "member_id, membership_id, assignee_id, assignee_role, content_ref, tactic::text AS tactic, status, "
            + "reason, due_at, local_date, created_at, updated_at";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    CampaignStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- campaigns -------------------------------------------------------------------------------

    public void insertCampaign(CampaignRow c) {
        jdbc.update("""
                INSERT INTO campaign (id, template_id, template_version, start_date, north_star_metric,
                    north_star_target, related_metrics, state, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""", c.id(), c.templateId(), c.templateVersion(),
                c.startDate(), c.northStarMetric(), c.northStarTarget(), write(c.relatedMetrics()), c.state(),
                c.createdAt(), c.updatedAt());
    }

    public void insertCampaignGroup(CampaignGroupRow g) {
        jdbc.update("INSERT INTO campaign_group (campaign_id, group_id, time_zone, current_phase, schedule_policy) "
                + "VALUES (?, ?, ?, ?, ?::jsonb)", g.campaignId(), g.groupId(), g.timeZone(), g.currentPhase(),
                g.schedulePolicy());
    }

    public Optional<CampaignRow> campaign(UUID id) {
        return jdbc.one("SELECT * FROM campaign WHERE id = ?", this::campaignRow, id);
    }

    /** Locks the campaign row: state changes of one campaign are serialised across instances. */
    public Optional<CampaignRow> lockCampaign(UUID id) {
        return jdbc.one("SELECT * FROM campaign WHERE id = ? FOR UPDATE", this::campaignRow, id);
    }

    public List<CampaignRow> campaigns(int limit) {
        return jdbc.query("SELECT * FROM campaign ORDER BY created_at DESC, id LIMIT ?", this::campaignRow, limit);
    }

    public void setCampaignState(UUID id, String state, Instant at) {
        jdbc.update("UPDATE campaign SET state = ?, updated_at = ? WHERE id = ?", state, at, id);
    }

    public List<CampaignGroupRow> groups(UUID campaignId) {
        return jdbc.query("SELECT * FROM campaign_group WHERE campaign_id = ? ORDER BY group_id",
                CampaignStore::campaignGroupRow,
                campaignId);
    }

    /** One group of a campaign (a campaign may span thousands: never load them all per row). */
    public Optional<CampaignGroupRow> group(UUID campaignId, UUID groupId) {
        return jdbc.one("SELECT * FROM campaign_group WHERE campaign_id = ? AND group_id = ?",
                CampaignStore::campaignGroupRow,
                campaignId, groupId);
    }

    private static CampaignGroupRow campaignGroupRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CampaignGroupRow((UUID) rs.getObject("campaign_id"), (UUID) rs.getObject("group_id"),
                rs.getString("time_zone"), rs.getString("current_phase"), rs.getString("schedule_policy"));
    }

    /** Stores the policy of a campaign started before the SchedulePolicy table (first writer wins). */
    public void setSchedulePolicyIfAbsent(UUID campaignId, UUID groupId, String policy) {
        jdbc.update("UPDATE campaign_group SET schedule_policy = ?::jsonb WHERE campaign_id = ? AND group_id = ? "
                + "AND schedule_policy IS NULL", policy, campaignId, groupId);
    }

    /** Groups of the campaign not yet in the given phase. */
    public long groupsNotIn(UUID campaignId, String phase) {
        return jdbc.one("SELECT count(*) FROM campaign_group WHERE campaign_id = ? "
                + "AND current_phase IS DISTINCT FROM ?", rs -> rs.getLong(1), campaignId, phase).orElse(0L);
    }

    /** Campaigns that run (or will run) in a group: membership events of that group concern them. */
    public List<UUID> activeCampaignsOfGroup(UUID groupId) {
        return jdbc.query("""
                SELECT c.id FROM campaign c JOIN campaign_group g ON g.campaign_id = c.id
                WHERE g.group_id = ? AND c.state IN ('SCHEDULED', 'RUNNING', 'PAUSED') ORDER BY c.id""",
                rs -> (UUID) rs.getObject(1), groupId);
    }

    public void setCurrentPhase(UUID campaignId, UUID groupId, String phase) {
        jdbc.update("UPDATE campaign_group SET current_phase = ? WHERE campaign_id = ? AND group_id = ?", phase,
                campaignId, groupId);
    }

    // --- timeline rows ---------------------------------------------------------------------------

    /** Inserts planned rows; a row that exists already (same unique key) is left as it is. */
    public int insertSteps(List<StepRow> rows) {
        return jdbc.batch("""
                INSERT INTO campaign_step (campaign_id, group_id, step_id, occurrence, target, member_id, kind, action,
                    phase, day, planned_at, due_at, local_due, staleness_s, state, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign_id, group_id, step_id, occurrence, target) DO NOTHING""", rows, (ps, r) -> Jdbc
                .bind(ps, r.campaignId(), r.groupId(), r.stepId(), r.occurrence(), r.target(), r.memberId(), r.kind(),
                        r.action(), r.phase(), r.day(), r.plannedAt(), r.dueAt(), r.localDue(), r.stalenessSeconds(),
                        r.state(), r.reason()));
    }

    public List<StepRow> steps(UUID campaignId, UUID groupId, boolean withMembers, int limit, long afterId) {
        return jdbc.query("SELECT " + STEP_COLUMNS + " FROM campaign_step WHERE campaign_id = ?"
                + " AND (CAST(? AS uuid) IS NULL OR group_id = CAST(? AS uuid))"
                + (withMembers ? "" : " AND member_id IS NULL")
                + " AND id > ? ORDER BY due_at, id LIMIT ?", CampaignStore::stepRow, campaignId,
                groupId, groupId, afterId, limit);
    }

    public List<StepRow> allSteps(UUID campaignId) {
        return jdbc.query("SELECT " + STEP_COLUMNS + " FROM campaign_step WHERE campaign_id = ? ORDER BY due_at, id",
                CampaignStore::stepRow, campaignId);
    }

    /** Due rows of campaigns that run, oldest first; rows another instance holds are skipped. */
    public List<Long> dueStepIds(Instant now, java.util.Collection<Long> except, int limit) {
        return jdbc.query("""
                SELECT s.id FROM campaign_step s JOIN campaign c ON c.id = s.campaign_id
                WHERE s.state IN ('PENDING', 'MATERIALISING') AND s.due_at <= ?
                  AND c.state IN ('SCHEDULED', 'RUNNING') AND NOT (s.id = ANY(?))
                ORDER BY s.due_at, s.id LIMIT ?""", rs -> rs.getLong(1), now, except.toArray(Long[]::new), limit);
    }

    /**
     * The claim: locks one row if it is still open and no other transaction holds it. Whoever gets
     * the lock decides the row; everyone else sees nothing (SKIP LOCKED) and moves on.
     */
    public Optional<StepRow> claim(long id) {
        return jdbc.one("SELECT " + STEP_COLUMNS + " FROM campaign_step WHERE id = ? "
                + "AND state IN ('PENDING', 'MATERIALISING') FOR UPDATE SKIP LOCKED", CampaignStore::stepRow, id);
    }

    /** A newer due and open occurrence of the same step and target: the older one is superseded. */
    public Optional<Integer> newerDueOccurrence(StepRow row, Instant now) {
        return jdbc.one("""
                SELECT max(occurrence) FROM campaign_step
                WHERE campaign_id = ? AND group_id = ? AND step_id = ? AND target = ? AND occurrence > ?
                  AND state IN ('PENDING', 'MATERIALISING') AND due_at <= ?""",
                rs -> (Integer) rs.getObject(1), row.campaignId(), row.groupId(), row.stepId(), row.target(),
                row.occurrence(), now);
    }

    public void finishStep(long id, String state, String reason, Instant firedAt) {
        jdbc.update("UPDATE campaign_step SET state = ?, reason = coalesce(?, reason), fired_at = ?, cursor = NULL "
                + "WHERE id = ?", state, reason, firedAt, id);
    }

    public void materialising(long id, String cursor) {
        jdbc.update("UPDATE campaign_step SET state = 'MATERIALISING', cursor = ? WHERE id = ?", cursor, id);
    }

    public int cancelOpenSteps(UUID campaignId, String reason) {
        return jdbc.update("UPDATE campaign_step SET state = 'CANCELLED', reason = ? "
                + "WHERE campaign_id = ? AND state IN ('PENDING', 'MATERIALISING')", reason, campaignId);
    }

    /** A member left: their own future steps in that group never fall due. */
    public int cancelMemberSteps(UUID groupId, UUID memberId, String reason) {
        return jdbc.update("UPDATE campaign_step SET state = 'CANCELLED', reason = ? "
                + "WHERE group_id = ? AND member_id = ? AND state = 'PENDING'", reason, groupId, memberId);
    }

    public boolean memberHasSteps(UUID campaignId, UUID groupId, UUID memberId) {
        return jdbc.one("SELECT 1 FROM campaign_step WHERE campaign_id = ? AND group_id = ? AND member_id = ? LIMIT 1",
                rs -> 1, campaignId, groupId, memberId).isPresent();
    }

    public int openStepsOfGroup(UUID campaignId, UUID groupId) {
        return jdbc.one("SELECT count(*) FROM campaign_step WHERE campaign_id = ? AND group_id = ? "
                + "AND state IN ('PENDING', 'MATERIALISING')", rs -> rs.getInt(1), campaignId, groupId).orElse(0);
    }

    // --- touches -----------------------------------------------------------------------------------

    /** @return false if the row already has its touch (the unique key makes a second one impossible) */
    public boolean insertTouch(Rows.TouchRow t) {
        return jdbc.update("""
                INSERT INTO touch (id, campaign_step_id, campaign_id, group_id, step_id, occurrence, action,
                    local_month, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_step_id) DO NOTHING""", t.id(),
                t.campaignStepId(), t.campaignId(), t.groupId(), t.stepId(), t.occurrence(), t.action(),
                t.localMonth(), t.createdAt()) == 1;
    }

    public int groupPostsInMonth(UUID groupId, String localMonth) {
        return jdbc.one("SELECT count(*) FROM touch WHERE group_id = ? AND local_month = ? "
                + "AND action IN ('GROUP_POST', 'EVENT_SESSION', 'OFFER_WINDOW')", rs -> rs.getInt(1), groupId,
                localMonth).orElse(0);
    }

    public List<Rows.TouchRow> touches(UUID campaignId) {
        return jdbc.query("SELECT * FROM touch WHERE campaign_id = ? ORDER BY created_at, step_id, occurrence",
                rs -> new Rows.TouchRow((UUID) rs.getObject("id"), rs.getLong("campaign_step_id"),
                        (UUID) rs.getObject("campaign_id"), (UUID) rs.getObject("group_id"), rs.getString("step_id"),
                        rs.getInt("occurrence"), rs.getString("action"), rs.getString("local_month"),
                        Jdbc.instant(rs, "created_at")),
                campaignId);
    }

    // --- tasks -----------------------------------------------------------------------------------

    public int insertTasks(List<TaskRow> tasks) {
        return jdbc.batch("""
                INSERT INTO operator_task (id, campaign_step_id, campaign_id, group_id, step_id, occurrence, member_id,
                    membership_id, assignee_id, assignee_role, content_ref, tactic, status, reason, due_at, local_date,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign_step_id, member_id) DO NOTHING""", tasks, (ps, t) -> Jdbc.bind(ps, t.id(),
                t.campaignStepId(), t.campaignId(), t.groupId(), t.stepId(), t.occurrence(), t.memberId(),
                t.membershipId(), t.assigneeId(), t.assigneeRole(), t.contentRef(), t.tactic(), t.status(), t.reason(),
                t.dueAt(), t.localDate(), t.createdAt(), t.updatedAt()));
    }

    /** Tasks that count against a member's contact cap on each of the given local dates. */
    public Map<UUID, Integer> tasksPerMember(List<UUID> members, LocalDate from, LocalDate to) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (members.isEmpty()) {
            return counts;
        }
        jdbc.query("SELECT member_id, count(*) FROM operator_task WHERE member_id = ANY(?) "
                + "AND local_date BETWEEN ? AND ? AND status IN ('OPEN', 'DONE') GROUP BY member_id",
                rs -> counts.put((UUID) rs.getObject(1), rs.getInt(2)), members.toArray(UUID[]::new), from, to);
        return counts;
    }

    public Optional<TaskRow> task(UUID id) {
        return jdbc.one("SELECT " + TASK_COLUMNS + " FROM operator_task WHERE id = ?", CampaignStore::taskRow, id);
    }

    public Optional<TaskRow> lockTask(UUID id) {
        return jdbc.one("SELECT " + TASK_COLUMNS + " FROM operator_task WHERE id = ? FOR UPDATE",
                CampaignStore::taskRow, id);
    }

    public void setTaskStatus(UUID id, String status, String reason, Instant at) {
        jdbc.update("UPDATE operator_task SET status = ?, reason = ?, updated_at = ? WHERE id = ?", status, reason, at,
                id);
    }

    /** Keyset page (ordered by id) of tasks matching the given filters (null = any). */
    public List<TaskRow> tasks(UUID assigneeId, String role, String status, UUID campaignId, UUID memberId,
            UUID after, int limit) {
        return jdbc.query("SELECT " + TASK_COLUMNS + " FROM operator_task WHERE "
                + "(CAST(? AS uuid) IS NULL OR assignee_id = CAST(? AS uuid)) "
                + "AND (CAST(? AS text) IS NULL OR assignee_role = CAST(? AS text)) "
                + "AND (CAST(? AS text) IS NULL OR status = CAST(? AS text)) "
                + "AND (CAST(? AS uuid) IS NULL OR campaign_id = CAST(? AS uuid)) "
                + "AND (CAST(? AS uuid) IS NULL OR member_id = CAST(? AS uuid)) "
                + "AND (CAST(? AS uuid) IS NULL OR id > CAST(? AS uuid)) ORDER BY id LIMIT ?",
                CampaignStore::taskRow, assigneeId, assigneeId, role, role, status, status, campaignId, campaignId,
                memberId, memberId, after, after, limit);
    }

    public int cancelMemberTasks(UUID groupId, UUID memberId, String reason, Instant at) {
        return jdbc.update("UPDATE operator_task SET status = 'CANCELLED', reason = ?, updated_at = ? "
                + "WHERE group_id = ? AND member_id = ? AND status = 'OPEN' AND due_at > ?", reason, at, groupId,
                memberId, at);
    }

    public int cancelCampaignTasks(UUID campaignId, String reason, Instant at) {
        return jdbc.update("UPDATE operator_task SET status = 'CANCELLED', reason = ?, updated_at = ? "
                + "WHERE campaign_id = ? AND status = 'OPEN'", reason, at, campaignId);
    }

    public long taskCount(UUID campaignId) {
        return jdbc.one("SELECT count(*) FROM operator_task WHERE campaign_id = ?", rs -> rs.getLong(1), campaignId)
                .orElse(0L);
    }

    // --- idempotent consumer -----------------------------------------------------------------------

    /** @return true the first time this event id is seen */
    public boolean firstSeen(String eventId, Instant at) {
        return jdbc.update("INSERT INTO processed_event (event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                eventId, at) == 1;
    }

    // --- mapping ---------------------------------------------------------------------------------

    private CampaignRow campaignRow(ResultSet rs) throws SQLException {
        return new CampaignRow((UUID) rs.getObject("id"), rs.getString("template_id"),
                rs.getString("template_version"), rs.getDate("start_date").toLocalDate(),
                rs.getString("north_star_metric"), rs.getBigDecimal("north_star_target"),
                read(rs.getString("related_metrics")), rs.getString("state"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }

    static StepRow stepRow(ResultSet rs) throws SQLException {
        return new StepRow(rs.getLong("id"), (UUID) rs.getObject("campaign_id"), (UUID) rs.getObject("group_id"),
                rs.getString("step_id"), rs.getInt("occurrence"), rs.getString("target"),
                (UUID) rs.getObject("member_id"), rs.getString("kind"), rs.getString("action"), rs.getString("phase"),
                rs.getInt("day"), Jdbc.instant(rs, "planned_at"), Jdbc.instant(rs, "due_at"),
                rs.getString("local_due"), rs.getLong("staleness_s"), rs.getString("state"), rs.getString("reason"),
                rs.getString("cursor"), Jdbc.instant(rs, "fired_at"));
    }

    static TaskRow taskRow(ResultSet rs) throws SQLException {
        return new TaskRow((UUID) rs.getObject("id"), rs.getLong("campaign_step_id"),
                (UUID) rs.getObject("campaign_id"), (UUID) rs.getObject("group_id"), rs.getString("step_id"),
                rs.getInt("occurrence"), (UUID) rs.getObject("member_id"), (UUID) rs.getObject("membership_id"),
                (UUID) rs.getObject("assignee_id"), rs.getString("assignee_role"), rs.getString("content_ref"),
                rs.getString("tactic"), rs.getString("status"), rs.getString("reason"), Jdbc.instant(rs, "due_at"),
                rs.getDate("local_date").toLocalDate(), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
