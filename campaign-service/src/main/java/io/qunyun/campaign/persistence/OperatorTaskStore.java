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

import io.qunyun.campaign.domain.campaign.OperatorTasks;
import io.qunyun.campaign.domain.campaign.Rows.TaskRow;

/** Operator tasks (table operator_task), in plain JDBC batches. */
@ApplicationScoped
public class OperatorTaskStore implements OperatorTasks {

    private static final String TASK_COLUMNS = "id, campaign_step_id, campaign_id, group_id, step_id, occurrence, "
            + "member_id, membership_id, assignee_id, assignee_role, content_ref, tactic::text AS tactic, status, "
            + "reason, due_at, local_date, created_at, updated_at";

    private final Jdbc jdbc;

    OperatorTaskStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
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
    @Override
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

    @Override
    public Optional<TaskRow> task(UUID id) {
        return jdbc.one("SELECT " + TASK_COLUMNS + " FROM operator_task WHERE id = ?", OperatorTaskStore::taskRow, id);
    }

    @Override
    public Optional<TaskRow> lockTask(UUID id) {
        return jdbc.one("SELECT " + TASK_COLUMNS + " FROM operator_task WHERE id = ? FOR UPDATE",
                OperatorTaskStore::taskRow, id);
    }

    @Override
    public void setTaskStatus(UUID id, String status, String reason, Instant at) {
        jdbc.update("UPDATE operator_task SET status = ?, reason = ?, updated_at = ? WHERE id = ?", status, reason, at,
                id);
    }

    /** Keyset page (ordered by id) of tasks matching the given filters (null = any). */
    @Override
    public List<TaskRow> tasks(UUID assigneeId, String role, String status, UUID campaignId, UUID memberId,
            UUID after, int limit) {
        return jdbc.query("SELECT " + TASK_COLUMNS + " FROM operator_task WHERE "
                + "(CAST(? AS uuid) IS NULL OR assignee_id = CAST(? AS uuid)) "
                + "AND (CAST(? AS text) IS NULL OR assignee_role = CAST(? AS text)) "
                + "AND (CAST(? AS text) IS NULL OR status = CAST(? AS text)) "
                + "AND (CAST(? AS uuid) IS NULL OR campaign_id = CAST(? AS uuid)) "
                + "AND (CAST(? AS uuid) IS NULL OR member_id = CAST(? AS uuid)) "
                + "AND (CAST(? AS uuid) IS NULL OR id > CAST(? AS uuid)) ORDER BY id LIMIT ?",
                OperatorTaskStore::taskRow, assigneeId, assigneeId, role, role, status, status, campaignId, campaignId,
                memberId, memberId, after, after, limit);
    }

    @Override
    public int cancelMemberTasks(UUID groupId, UUID memberId, String reason, Instant at) {
        return jdbc.update("UPDATE operator_task SET status = 'CANCELLED', reason = ?, updated_at = ? "
                + "WHERE group_id = ? AND member_id = ? AND status = 'OPEN'", reason, at, groupId, memberId);
    }

    @Override
    public int cancelCampaignTasks(UUID campaignId, String reason, Instant at) {
        return jdbc.update("UPDATE operator_task SET status = 'CANCELLED', reason = ?, updated_at = ? "
                + "WHERE campaign_id = ? AND status = 'OPEN'", reason, at, campaignId);
    }

    @Override
    public long taskCount(UUID campaignId) {
        return jdbc.one("SELECT count(*) FROM operator_task WHERE campaign_id = ?", rs -> rs.getLong(1), campaignId)
                .orElse(0L);
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
}
