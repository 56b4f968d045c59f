package io.qunyun.campaign.domain.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.campaign.domain.campaign.Rows.CampaignGroupRow;
import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;
import io.qunyun.campaign.domain.template.Template;

/**
 * A member's own steps and tasks as memberships begin and end (docs/campaigns.md, "Members"):
 * leaving cancels their open rows and every open task in that group; coming back follows the
 * template's {@code reentry} — NONE plans nothing again, RESUME continues the first plan (same day 0)
 * with the rows that are still in the future, so no step is sent twice.
 */
@ApplicationScoped
public class MemberSteps {

    /** The reason of rows and tasks closed by a membership's end; RESUME reopens rows by it. */
    public static final String LEFT_PREFIX = "membership ended (";

    private final Campaigns campaigns;
    private final Timeline timeline;
    private final OperatorTasks tasks;
    private final CampaignService service;
    private final SchedulePolicies policies;
    private final Clock clock;

    MemberSteps(Campaigns campaigns, Timeline timeline, OperatorTasks tasks, CampaignService service,
            SchedulePolicies policies, Clock clock) {
        this.campaigns = campaigns;
        this.timeline = timeline;
        this.tasks = tasks;
        this.service = service;
        this.policies = policies;
        this.clock = clock;
    }

    public record Left(int steps, int tasks) {
    }

    /** Open rows and open tasks — already due ones too: nobody serves a member who has left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Left memberLeft(UUID groupId, UUID memberId, String exitKind) {
        String reason = LEFT_PREFIX + (exitKind == null ? "unknown" : exitKind) + ")";
        return new Left(timeline.cancelMemberSteps(groupId, memberId, reason),
                tasks.cancelMemberTasks(groupId, memberId, reason, clock.instant()));
    }

    /** Plans the member steps of every active campaign of the group; returns the rows planned or reopened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int memberJoined(UUID groupId, UUID memberId, Instant joinedAt) {
        int rows = 0;
        for (UUID campaignId : campaigns.activeCampaignsOfGroup(groupId)) {
            rows += plan(campaigns.campaign(campaignId).orElseThrow(), groupId, memberId, joinedAt);
        }
        return rows;
    }

    private int plan(CampaignRow campaign, UUID groupId, UUID memberId, Instant joinedAt) {
        Template template = service.template(campaign);
        if (template.steps().stream().noneMatch(s -> s.eventDay() != null)) {
            return 0;
        }
        var first = timeline.firstMemberTarget(campaign.id(), groupId, memberId);
        if (first.isPresent() && template.reentry() == Template.Reentry.NONE) {
            return 0; // a rejoining member does not start the plan again
        }
        CampaignGroupRow group = campaigns.group(campaign.id(), groupId).orElseThrow();
        ZoneId zone = ZoneId.of(group.timeZone());
        // RESUME keeps the first day 0: the same rows (same unique keys), so nothing fired is planned again.
        LocalDate anchor = first.map(PlannedStep::anchorOf).orElse(joinedAt.atZone(zone).toLocalDate());
        List<PlannedStep> plan = TimelinePlanner.planMember(template, policies.of(campaign, group),
                campaign.startDate(), zone, memberId, anchor);
        int inserted = timeline.insertSteps(plan.stream().map(p -> CampaignService.row(campaign.id(), groupId, p))
                .toList());
        int reopened = first.isEmpty() ? 0
                : timeline.reopenMemberSteps(campaign.id(), groupId, memberId, clock.instant(), LEFT_PREFIX);
        return inserted + reopened;
    }
}
