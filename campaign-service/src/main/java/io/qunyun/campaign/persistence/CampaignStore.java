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

import io.qunyun.campaign.domain.campaign.Campaigns;
import io.qunyun.campaign.domain.campaign.Rows.CampaignGroupRow;
import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;

/** Campaigns and their groups (tables campaign, campaign_group), in plain JDBC. */
@ApplicationScoped
public class CampaignStore implements Campaigns {

    private final Jdbc jdbc;
    private final ObjectMapper json;

    CampaignStore(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insertCampaign(CampaignRow c) {
        jdbc.update("""
                INSERT INTO campaign (id, template_id, template_version, start_date, north_star_metric,
                    north_star_target, related_metrics, state, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""", c.id(), c.templateId(), c.templateVersion(),
                c.startDate(), c.northStarMetric(), c.northStarTarget(), write(c.relatedMetrics()), c.state(),
                c.createdAt(), c.updatedAt());
    }

    @Override
    public void insertCampaignGroup(CampaignGroupRow g) {
        jdbc.update("INSERT INTO campaign_group (campaign_id, group_id, time_zone, current_phase, schedule_policy) "
                + "VALUES (?, ?, ?, ?, ?::jsonb)", g.campaignId(), g.groupId(), g.timeZone(), g.currentPhase(),
                g.schedulePolicy());
    }

    @Override
    public Optional<CampaignRow> campaign(UUID id) {
        return jdbc.one("SELECT * FROM campaign WHERE id = ?", this::campaignRow, id);
    }

    /** Locks the campaign row: state changes of one campaign are serialised across instances. */
    @Override
    public Optional<CampaignRow> lockCampaign(UUID id) {
        return jdbc.one("SELECT * FROM campaign WHERE id = ? FOR UPDATE", this::campaignRow, id);
    }

    @Override
    public List<CampaignRow> campaigns(int limit) {
        return jdbc.query("SELECT * FROM campaign ORDER BY created_at DESC, id LIMIT ?", this::campaignRow, limit);
    }

    @Override
    public void setCampaignState(UUID id, String state, Instant at) {
        jdbc.update("UPDATE campaign SET state = ?, updated_at = ? WHERE id = ?", state, at, id);
    }

    @Override
    public List<CampaignGroupRow> groups(UUID campaignId) {
        return jdbc.query("SELECT * FROM campaign_group WHERE campaign_id = ? ORDER BY group_id",
                CampaignStore::campaignGroupRow,
                campaignId);
    }

    /** One group of a campaign (a campaign may span thousands: never load them all per row). */
    @Override
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
    @Override
    public void setSchedulePolicyIfAbsent(UUID campaignId, UUID groupId, String policy) {
        jdbc.update("UPDATE campaign_group SET schedule_policy = ?::jsonb WHERE campaign_id = ? AND group_id = ? "
                + "AND schedule_policy IS NULL", policy, campaignId, groupId);
    }

    /** Groups of the campaign not yet in the given phase. */
    @Override
    public long groupsNotIn(UUID campaignId, String phase) {
        return jdbc.one("SELECT count(*) FROM campaign_group WHERE campaign_id = ? "
                + "AND current_phase IS DISTINCT FROM ?", rs -> rs.getLong(1), campaignId, phase).orElse(0L);
    }

    /** Campaigns that run (or will run) in a group: membership events of that group concern them. */
    @Override
    public List<UUID> activeCampaignsOfGroup(UUID groupId) {
        return jdbc.query("""
                SELECT c.id FROM campaign c JOIN campaign_group g ON g.campaign_id = c.id
                WHERE g.group_id = ? AND c.state IN ('SCHEDULED', 'RUNNING', 'PAUSED') ORDER BY c.id""",
                rs -> (UUID) rs.getObject(1), groupId);
    }

    @Override
    public void setCurrentPhase(UUID campaignId, UUID groupId, String phase) {
        jdbc.update("UPDATE campaign_group SET current_phase = ? WHERE campaign_id = ? AND group_id = ?", phase,
                campaignId, groupId);
    }

    /** Start of the campaign running in the group (local midnight of its start date in the group's zone), if any. */
    @Override
    public Optional<Instant> runningCampaignStart(UUID groupId) {
        return jdbc.one("""
                SELECT min(c.start_date::timestamp AT TIME ZONE cg.time_zone) FROM campaign c
                JOIN campaign_group cg ON cg.campaign_id = c.id
                WHERE cg.group_id = ? AND c.state = 'RUNNING'
                """, rs -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(), groupId);
    }

    private CampaignRow campaignRow(ResultSet rs) throws SQLException {
        return new CampaignRow((UUID) rs.getObject("id"), rs.getString("template_id"),
                rs.getString("template_version"), rs.getDate("start_date").toLocalDate(),
                rs.getString("north_star_metric"), rs.getBigDecimal("north_star_target"),
                read(rs.getString("related_metrics")), rs.getString("state"), Jdbc.instant(rs, "created_at"),
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
