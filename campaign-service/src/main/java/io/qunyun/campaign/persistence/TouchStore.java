package io.qunyun.campaign.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.campaign.domain.campaign.Rows;
import io.qunyun.campaign.domain.campaign.Touches;

/** Touches (table touch), in plain JDBC. */
@ApplicationScoped
public class TouchStore implements Touches {

    private final Jdbc jdbc;

    TouchStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if the row already has its touch (the unique key makes a second one impossible) */
    @Override
    public boolean insertTouch(Rows.TouchRow t) {
        return jdbc.update("""
                INSERT INTO touch (id, campaign_step_id, campaign_id, group_id, step_id, occurrence, action,
                    local_month, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_step_id) DO NOTHING""", t.id(),
                t.campaignStepId(), t.campaignId(), t.groupId(), t.stepId(), t.occurrence(), t.action(),
                t.localMonth(), t.createdAt()) == 1;
    }

    @Override
    public int groupPostsInMonth(UUID groupId, String localMonth) {
        return jdbc.one("SELECT count(*) FROM touch WHERE group_id = ? AND local_month = ? "
                + "AND action IN ('GROUP_POST', 'EVENT_SESSION', 'OFFER_WINDOW')", rs -> rs.getInt(1), groupId,
                localMonth).orElse(0);
    }

    @Override
    public List<Rows.TouchRow> touches(UUID campaignId) {
        return jdbc.query("SELECT * FROM touch WHERE campaign_id = ? ORDER BY created_at, step_id, occurrence",
                rs -> new Rows.TouchRow((UUID) rs.getObject("id"), rs.getLong("campaign_step_id"),
                        (UUID) rs.getObject("campaign_id"), (UUID) rs.getObject("group_id"), rs.getString("step_id"),
                        rs.getInt("occurrence"), rs.getString("action"), rs.getString("local_month"),
                        Jdbc.instant(rs, "created_at")),
                campaignId);
    }
}
