package io.qunyun.campaign.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.campaign.domain.campaign.Rows.StepRow;
import io.qunyun.campaign.domain.campaign.Timeline;

/** Timeline rows (table campaign_step), in plain JDBC batches. */
@ApplicationScoped
public class TimelineStore implements Timeline {

    private static final String STEP_COLUMNS = "id, campaign_id, group_id, step_id, occurrence, target, member_id, "
            + "kind, action, phase, day, planned_at, due_at, local_due, staleness_s, state, reason, cursor, fired_at";

    private final Jdbc jdbc;

    TimelineStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts planned rows; a row that exists already (same unique key) is left as it is. */
    @Override
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

    @Override
    public List<StepRow> steps(UUID campaignId, UUID groupId, boolean withMembers, int limit, long afterId) {
        return jdbc.query("SELECT " + STEP_COLUMNS + " FROM campaign_step WHERE campaign_id = ?"
                + " AND (CAST(? AS uuid) IS NULL OR group_id = CAST(? AS uuid))"
                + (withMembers ? "" : " AND member_id IS NULL")
                + " AND id > ? ORDER BY due_at, id LIMIT ?", TimelineStore::stepRow, campaignId,
                groupId, groupId, afterId, limit);
    }

    @Override
    public List<StepRow> allSteps(UUID campaignId) {
        return jdbc.query("SELECT " + STEP_COLUMNS + " FROM campaign_step WHERE campaign_id = ? ORDER BY due_at, id",
                TimelineStore::stepRow, campaignId);
    }

    /** Due rows of campaigns that run, oldest first; rows another instance holds are skipped. */
    @Override
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
    @Override
    public Optional<StepRow> claim(long id) {
        return jdbc.one("SELECT " + STEP_COLUMNS + " FROM campaign_step WHERE id = ? "
                + "AND state IN ('PENDING', 'MATERIALISING') FOR UPDATE SKIP LOCKED", TimelineStore::stepRow, id);
    }

    /** A newer due and open occurrence of the same step and target: the older one is superseded. */
    @Override
    public Optional<Integer> newerDueOccurrence(StepRow row, Instant now) {
        return jdbc.one("""
                SELECT max(occurrence) FROM campaign_step
                WHERE campaign_id = ? AND group_id = ? AND step_id = ? AND target = ? AND occurrence > ?
                  AND state IN ('PENDING', 'MATERIALISING') AND due_at <= ?""",
                rs -> (Integer) rs.getObject(1), row.campaignId(), row.groupId(), row.stepId(), row.target(),
                row.occurrence(), now);
    }

    @Override
    public void finishStep(long id, String state, String reason, Instant firedAt) {
        jdbc.update("UPDATE campaign_step SET state = ?, reason = coalesce(?, reason), fired_at = ?, cursor = NULL "
                + "WHERE id = ?", state, reason, firedAt, id);
    }

    @Override
    public void materialising(long id, String cursor) {
        jdbc.update("UPDATE campaign_step SET state = 'MATERIALISING', cursor = ? WHERE id = ?", cursor, id);
    }

    @Override
    public int cancelOpenSteps(UUID campaignId, String reason) {
        return jdbc.update("UPDATE campaign_step SET state = 'CANCELLED', reason = ? "
                + "WHERE campaign_id = ? AND state IN ('PENDING', 'MATERIALISING')", reason, campaignId);
    }

    @Override
    public int skipOpenStepsOfGroup(UUID campaignId, UUID groupId, Instant endedAt, String reason) {
        return jdbc.update("UPDATE campaign_step SET state = 'SKIPPED', reason = ? WHERE campaign_id = ? "
                + "AND group_id = ? AND kind = 'STEP' AND due_at >= ? AND state IN ('PENDING', 'MATERIALISING')",
                reason, campaignId, groupId, endedAt);
    }

    /** A member left: their own future steps in that group never fall due. */
    @Override
    public int cancelMemberSteps(UUID groupId, UUID memberId, String reason) {
        return jdbc.update("UPDATE campaign_step SET state = 'CANCELLED', reason = ? "
                + "WHERE group_id = ? AND member_id = ? AND state = 'PENDING'", reason, groupId, memberId);
    }

    @Override
    public boolean memberHasSteps(UUID campaignId, UUID groupId, UUID memberId) {
        return jdbc.one("SELECT 1 FROM campaign_step WHERE campaign_id = ? AND group_id = ? AND member_id = ? LIMIT 1",
                rs -> 1, campaignId, groupId, memberId).isPresent();
    }

    @Override
    public Optional<String> firstMemberTarget(UUID campaignId, UUID groupId, UUID memberId) {
        return jdbc.one("SELECT target FROM campaign_step WHERE campaign_id = ? AND group_id = ? AND member_id = ? "
                + "ORDER BY id LIMIT 1", rs -> rs.getString(1), campaignId, groupId, memberId);
    }

    @Override
    public int reopenMemberSteps(UUID campaignId, UUID groupId, UUID memberId, Instant after, String reasonPrefix) {
        return jdbc.update("UPDATE campaign_step SET state = 'PENDING', reason = NULL WHERE campaign_id = ? "
                + "AND group_id = ? AND member_id = ? AND state = 'CANCELLED' AND due_at > ? AND starts_with(reason, ?)",
                campaignId, groupId, memberId, after, reasonPrefix);
    }

    @Override
    public int openStepsOfGroup(UUID campaignId, UUID groupId) {
        return jdbc.one("SELECT count(*) FROM campaign_step WHERE campaign_id = ? AND group_id = ? "
                + "AND state IN ('PENDING', 'MATERIALISING')", rs -> rs.getInt(1), campaignId, groupId).orElse(0);
    }

    @Override
    public List<Checkpoint> checkpoints(UUID campaignId, UUID groupId) {
        return jdbc.query("""
                SELECT step_id, day, local_due, state, phase FROM campaign_step
                WHERE campaign_id = ? AND group_id = ? AND action = 'METRIC_CHECKPOINT' AND target = 'group'
                ORDER BY due_at, step_id
                """, rs -> new Checkpoint(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5)), campaignId, groupId);
    }

    static StepRow stepRow(ResultSet rs) throws SQLException {
        return new StepRow(rs.getLong("id"), (UUID) rs.getObject("campaign_id"), (UUID) rs.getObject("group_id"),
                rs.getString("step_id"), rs.getInt("occurrence"), rs.getString("target"),
                (UUID) rs.getObject("member_id"), rs.getString("kind"), rs.getString("action"), rs.getString("phase"),
                rs.getInt("day"), Jdbc.instant(rs, "planned_at"), Jdbc.instant(rs, "due_at"),
                rs.getString("local_due"), rs.getLong("staleness_s"), rs.getString("state"), rs.getString("reason"),
                rs.getString("cursor"), Jdbc.instant(rs, "fired_at"));
    }
}
