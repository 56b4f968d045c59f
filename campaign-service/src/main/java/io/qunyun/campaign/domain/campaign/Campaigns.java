package io.qunyun.campaign.domain.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.qunyun.campaign.domain.campaign.Rows.CampaignGroupRow;
import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;

/**
 * Campaigns and the groups they run in (a port: persistence stores them). Every method runs in the
 * caller's transaction.
 */
public interface Campaigns {

    void insertCampaign(CampaignRow c);

    void insertCampaignGroup(CampaignGroupRow g);

    Optional<CampaignRow> campaign(UUID id);

    /** Locks the campaign row: state changes of one campaign are serialised across instances. */
    Optional<CampaignRow> lockCampaign(UUID id);

    List<CampaignRow> campaigns(int limit);

    void setCampaignState(UUID id, String state, Instant at);

    List<CampaignGroupRow> groups(UUID campaignId);

    /** One group of a campaign (a campaign may span thousands: never load them all per row). */
    Optional<CampaignGroupRow> group(UUID campaignId, UUID groupId);

    /** Stores the policy of a campaign started before the SchedulePolicy table (first writer wins). */
    void setSchedulePolicyIfAbsent(UUID campaignId, UUID groupId, String policy);

    /** Groups of the campaign not yet in the given phase. */
    long groupsNotIn(UUID campaignId, String phase);

    /** Campaigns that run (or will run) in a group: membership events of that group concern them. */
    List<UUID> activeCampaignsOfGroup(UUID groupId);

    void setCurrentPhase(UUID campaignId, UUID groupId, String phase);

    /** Start of the campaign running in the group (local midnight of its start date in the group's zone), if any. */
    Optional<Instant> runningCampaignStart(UUID groupId);
}
