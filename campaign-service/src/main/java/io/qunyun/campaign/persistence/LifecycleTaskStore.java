package io.qunyun.campaign.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.campaign.domain.lifecycle.LifecycleTasks;

/** Lifecycle tasks (table lifecycle_task), in plain JDBC batches. */
@ApplicationScoped
public class LifecycleTaskStore implements LifecycleTasks {

    private final Jdbc jdbc;

    LifecycleTaskStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int insertTasks(List<Task> tasks) {
        return jdbc.batch("""
                INSERT INTO lifecycle_task (id, action_id, group_id, kind, member_id, layer, rank, target_group_id,
                    content, status, outcome, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, tasks, (ps, t) -> Jdbc.bind(ps, t.id(), t.actionId(), t.groupId(), t.kind(), t.memberId(),
                t.layer(), t.rank(), t.targetGroupId(), t.content(), t.status(), t.outcome(), t.createdAt(),
                t.updatedAt()));
    }

    @Override
    public List<Task> tasks(UUID groupId) {
        return jdbc.query("SELECT * FROM lifecycle_task WHERE group_id = ? ORDER BY action_id, rank, member_id",
                this::task, groupId);
    }

    /** Open invitations, promising members (lower rank) first; locked so two instances never send one twice. */
    @Override
    public List<Task> claimOpenInvitations(int limit) {
        return jdbc.query("""
                SELECT * FROM lifecycle_task WHERE kind = 'INVITE' AND status = 'OPEN'
                ORDER BY rank, created_at, id LIMIT ? FOR UPDATE SKIP LOCKED
                """, this::task, limit);
    }

    @Override
    public void settleTask(UUID id, String status, String outcome, Instant at) {
        jdbc.update("UPDATE lifecycle_task SET status = ?, outcome = ?, updated_at = ? WHERE id = ? AND status = 'OPEN'",
                status, outcome, at, id);
    }

    @Override
    public long openTasks(UUID actionId, String kind) {
        return jdbc.one("SELECT count(*) FROM lifecycle_task WHERE action_id = ? AND kind = ? AND status = 'OPEN'",
                rs -> rs.getLong(1), actionId, kind).orElse(0L);
    }

    @Override
    public boolean hasOpenGroupTask(UUID groupId, String kind, UUID targetGroupId) {
        return jdbc.one("SELECT 1 FROM lifecycle_task WHERE group_id = ? AND kind = ? AND target_group_id = ? "
                + "AND status = 'OPEN' LIMIT 1", rs -> 1, groupId, kind, targetGroupId).isPresent();
    }

    @Override
    public int settleGroupTasks(UUID groupId, String kind, String status, String outcome, Instant at) {
        return jdbc.update("UPDATE lifecycle_task SET status = ?, outcome = ?, updated_at = ? WHERE group_id = ? "
                + "AND kind = ? AND status = 'OPEN'", status, outcome, at, groupId, kind);
    }

    private Task task(ResultSet rs) throws SQLException {
        return new Task((UUID) rs.getObject("id"), (UUID) rs.getObject("action_id"), (UUID) rs.getObject("group_id"),
                rs.getString("kind"), (UUID) rs.getObject("member_id"), rs.getString("layer"), rs.getInt("rank"),
                (UUID) rs.getObject("target_group_id"), rs.getString("content"), rs.getString("status"),
                rs.getString("outcome"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
