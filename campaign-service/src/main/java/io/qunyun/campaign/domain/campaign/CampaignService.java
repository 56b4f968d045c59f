package io.qunyun.campaign.domain.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.campaign.domain.audit.AuditActions;
import io.qunyun.platform.audit.AuditLog;
import io.qunyun.campaign.domain.template.Template;
import io.qunyun.campaign.domain.template.TemplateCatalog;
import io.qunyun.campaign.domain.template.TemplateCatalog.StoredTemplate;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.Groups;
import io.qunyun.campaign.domain.campaign.Rows.CampaignGroupRow;
import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;
import io.qunyun.campaign.domain.campaign.Rows.StepRow;

/**
 * Starts, pauses, resumes and cancels campaigns. Starting plans the whole timeline of every group
 * at once (rows in campaign_step), in the group's zone, on the template version current at start:
 * later template uploads never change a running campaign.
 */
@ApplicationScoped
public class CampaignService {

    private final Campaigns campaigns;
    private final Timeline timeline;
    private final OperatorTasks operatorTasks;
    private final TemplateCatalog catalog;
    private final Groups groups;
    private final TimelineEvents events;
    private final Clock clock;
    private final SchedulePolicies policies;
    private final AuditLog audit;

    CampaignService(Campaigns campaigns, Timeline timeline, OperatorTasks operatorTasks, TemplateCatalog catalog,
            Groups groups, TimelineEvents events, Clock clock, SchedulePolicies policies, AuditLog audit) {
        this.audit = audit;
        this.campaigns = campaigns;
        this.timeline = timeline;
        this.operatorTasks = operatorTasks;
        this.catalog = catalog;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
        this.policies = policies;
    }

    public record NewCampaign(String templateId, String templateVersion, List<UUID> groupIds, LocalDate startDate,
            String northStarMetric, BigDecimal northStarTarget, List<String> relatedMetrics) {
    }

    /** @throws CampaignException naming the field at fault; nothing is written then */
    @Transactional
    public CampaignRow start(NewCampaign request) {
        StoredTemplate stored = catalog.find(request.templateId(), request.templateVersion())
                .orElseThrow(() -> new CampaignException(request.templateVersion() == null ? "templateId"
                        : "templateVersion", "names no stored template (GET /templates lists them)"));
        Template template = catalog.parsed(stored);
        Set<UUID> seen = new HashSet<>();
        List<GroupEntity> targets = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < request.groupIds().size(); i++) {
            UUID id = request.groupIds().get(i);
            if (!seen.add(id)) {
                throw new CampaignException("groupIds[" + i + "]", "is listed twice");
            }
            GroupEntity group = groups.group(id);
            if (group == null) {
                throw new CampaignException("groupIds[" + i + "]", "names no group");
            }
            LocalDate today = now.atZone(group.zone()).toLocalDate();
            if (request.startDate().isBefore(today)) {
                throw new CampaignException("startDate", "is before today (" + today + ") in group " + id + "'s zone "
                        + group.timeZone);
            }
            targets.add(group);
        }
        // Asked before anything is written: rules-service down → 503 and no campaign.
        java.util.Map<String, SchedulePolicy> byPlatform = new java.util.HashMap<>();
        List<SchedulePolicy> groupPolicies = new ArrayList<>();
        for (GroupEntity group : targets) {
            groupPolicies.add(byPlatform.computeIfAbsent(String.valueOf(group.platform),
                    p -> policies.decide(stored.id(), group)));
        }
        CampaignRow campaign = new CampaignRow(UUID.randomUUID(), stored.id(), stored.version(), request.startDate(),
                request.northStarMetric().strip(), request.northStarTarget(),
                request.relatedMetrics() == null ? List.of() : request.relatedMetrics().stream().map(String::strip).toList(),
                "SCHEDULED", now, now);
        campaigns.insertCampaign(campaign);
        for (int i = 0; i < targets.size(); i++) {
            GroupEntity group = targets.get(i);
            SchedulePolicy policy = groupPolicies.get(i);
            campaigns.insertCampaignGroup(new CampaignGroupRow(campaign.id(), group.id, group.timeZone, null,
                    policies.write(policy)));
            List<PlannedStep> plan = TimelinePlanner.planGroup(template, policy, request.startDate(), group.zone());
            timeline.insertSteps(plan.stream().map(p -> row(campaign.id(), group.id, p)).toList());
        }
        audit.record(AuditActions.CAMPAIGN_STARTED, campaign.id(), AuditLog.detail("templateId", stored.id(),
                "templateVersion", stored.version(), "groupIds", targets.stream().map(g -> g.id).toList(), "startDate",
                request.startDate()));
        return campaign;
    }

    public CampaignRow get(UUID id) {
        return campaigns.campaign(id).orElseThrow(() -> new CampaignException(404, "campaign " + id + " not found"));
    }

    @Transactional
    public CampaignRow pause(UUID id) {
        CampaignRow c = lock(id);
        if (!c.state().equals("SCHEDULED") && !c.state().equals("RUNNING")) {
            throw new CampaignException(409, "a " + c.state() + " campaign cannot be paused");
        }
        campaigns.setCampaignState(id, "PAUSED", clock.instant());
        audit.record(AuditActions.CAMPAIGN_PAUSED, id, AuditLog.detail("from", c.state()));
        return get(id);
    }

    /** Rows that fell due while paused then fire late, or expire if older than their staleness. */
    @Transactional
    public CampaignRow resume(UUID id) {
        CampaignRow c = lock(id);
        if (!c.state().equals("PAUSED")) {
            throw new CampaignException(409, "a " + c.state() + " campaign cannot be resumed");
        }
        boolean started = campaigns.groups(id).stream().anyMatch(g -> g.currentPhase() != null);
        campaigns.setCampaignState(id, started ? "RUNNING" : "SCHEDULED", clock.instant());
        audit.record(AuditActions.CAMPAIGN_RESUMED, id, AuditLog.detail("to", started ? "RUNNING" : "SCHEDULED"));
        return get(id);
    }

    /** Closes every open row and task; groups that were in a phase get phase ENDED (contract). */
    @Transactional
    public CampaignRow cancel(UUID id) {
        CampaignRow c = lock(id);
        if (c.state().equals("COMPLETED") || c.state().equals("CANCELLED")) {
            throw new CampaignException(409, "a " + c.state() + " campaign cannot be cancelled");
        }
        Instant now = clock.instant();
        campaigns.setCampaignState(id, "CANCELLED", now);
        timeline.cancelOpenSteps(id, "campaign cancelled");
        operatorTasks.cancelCampaignTasks(id, "campaign cancelled", now);
        for (CampaignGroupRow g : campaigns.groups(id)) {
            if (g.currentPhase() != null && !TimelinePlanner.ENDED.equals(g.currentPhase())) {
                int day = TimelinePlanner.dayAt(c.startDate(), ZoneId.of(g.timeZone()), now);
                events.phaseChanged(c, g.groupId(), TimelinePlanner.ENDED, g.currentPhase(), day, now);
                campaigns.setCurrentPhase(id, g.groupId(), TimelinePlanner.ENDED);
            }
        }
        audit.record(AuditActions.CAMPAIGN_CANCELLED, id, AuditLog.detail("from", c.state()));
        return get(id);
    }

    @Transactional
    public List<CampaignGroupRow> groupsOf(UUID id) {
        return campaigns.groups(id);
    }

    @Transactional
    public List<StepRow> timeline(UUID id, UUID groupId, boolean withMembers, long after, int limit) {
        get(id);
        return timeline.steps(id, groupId, withMembers, limit, after);
    }

    public Template template(CampaignRow c) {
        return catalog.parsed(catalog.find(c.templateId(), c.templateVersion()).orElseThrow());
    }

    private CampaignRow lock(UUID id) {
        return campaigns.lockCampaign(id).orElseThrow(() -> new CampaignException(404, "campaign " + id + " not found"));
    }

    static StepRow row(UUID campaignId, UUID groupId, PlannedStep p) {
        return new StepRow(0, campaignId, groupId, p.stepId(), p.occurrence(), p.target(), p.memberId(),
                p.kind().name(), p.action(), p.phase(), p.day(), p.plannedAt(), p.dueAt(), p.localDue().toString(),
                p.staleness() == null ? 0 : p.staleness().toSeconds(), p.state().name(), p.reason(), null, null);
    }
}
