package io.qunyun.campaign.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.campaign.domain.lifecycle.LifecycleActions;

/** Lifecycle actions (table lifecycle_action), in plain JDBC. */
@ApplicationScoped
public class LifecycleActionStore implements LifecycleActions {

    private final Jdbc jdbc;
    private final ObjectMapper json;

    LifecycleActionStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return false when an action for this decision exists already (redelivered decision) */
    @Override
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

    @Override
    public void finishAction(UUID id, String state, String reason, Instant at) {
        jdbc.update("UPDATE lifecycle_action SET state = ?, reason = coalesce(?, reason), updated_at = ? WHERE id = ?",
                state, reason, at, id);
    }

    @Override
    public List<Action> actions(UUID groupId) {
        return jdbc.query("SELECT * FROM lifecycle_action WHERE group_id = ? ORDER BY created_at, id", this::action,
                groupId);
    }

    @Override
    public List<Action> runningActions(int limit) {
        return jdbc.query("SELECT * FROM lifecycle_action WHERE state = 'RUNNING' ORDER BY created_at LIMIT ?",
                this::action, limit);
    }

    /** Locks the action row: one instance finishes an action. */
    @Override
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
