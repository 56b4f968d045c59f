package io.qunyun.campaign.domain.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.qunyun.campaign.config.SchedulerConfig;
import io.qunyun.platform.audit.Actor;
import io.qunyun.campaign.domain.audit.AuditActions;
import io.qunyun.platform.audit.AuditLog;
import io.qunyun.campaign.domain.template.Template;
import io.qunyun.campaign.domain.template.Template.Step;
import io.qunyun.campaign.domain.template.TemplateCatalog;
import io.qunyun.campaign.domain.MemberAudiences.AudienceMember;
import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.Groups;
import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;
import io.qunyun.campaign.domain.campaign.Rows.StepRow;
import io.qunyun.campaign.domain.campaign.Rows.TaskRow;
import io.qunyun.campaign.domain.campaign.Rows.TouchRow;

/**
 * Fires one due timeline row, exactly once (docs/campaigns.md, "Scheduler guarantees"):
 * <ol>
 * <li>the row is claimed with SELECT … FOR UPDATE SKIP LOCKED and re-checked to be open, in the
 * same transaction that writes its outcome — two instances never both decide it;</li>
 * <li>its touch has a unique key (one per row) and its tasks one per (row, member), so a page
 * redone after a crash inserts nothing twice;</li>
 * <li>a 1:1 step's audience is read page by page, one transaction per page, the cursor saved with
 * the page's tasks: a crash loses at most the uncommitted page, which is redone.</li>
 * </ol>
 */
@ApplicationScoped
public class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class);

    enum Outcome {
        FINISHED, MORE_PAGES, NOT_MINE
    }

    private final Timeline timeline;
    private final Campaigns campaigns;
    private final OperatorTasks operatorTasks;
    private final Touches touches;
    private final TemplateCatalog catalog;
    private final TimelineEvents events;
    private final Audiences audiences;
    private final TouchTactics tactics;
    private final Groups groups;
    private final SchedulerConfig config;
    private final Clock clock;
    private final SchedulePolicies policies;
    private final AuditLog audit;

    StepRunner(Timeline timeline, Campaigns campaigns, OperatorTasks operatorTasks, Touches touches,
            TemplateCatalog catalog, TimelineEvents events, Audiences audiences, TouchTactics tactics, Groups groups,
            SchedulerConfig config, Clock clock, SchedulePolicies policies,
            AuditLog audit) {
        this.audit = audit;
        this.timeline = timeline;
        this.campaigns = campaigns;
        this.operatorTasks = operatorTasks;
        this.touches = touches;
        this.catalog = catalog;
        this.events = events;
        this.audiences = audiences;
        this.tactics = tactics;
        this.groups = groups;
        this.config = config;
        this.clock = clock;
        this.policies = policies;
    }

    /** Fires the row if this instance wins its claim; pages of a 1:1 step each in their own transaction. */
    public void fire(long stepId) {
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> decide(stepId));
        while (outcome == Outcome.MORE_PAGES) {
            outcome = QuarkusTransaction.requiringNew().call(() -> materialisePage(stepId));
        }
    }

    private Outcome decide(long id) {
        Optional<StepRow> claimed = timeline.claim(id);
        if (claimed.isEmpty()) {
            return Outcome.NOT_MINE;
        }
        StepRow row = claimed.get();
        Instant now = clock.instant();
        CampaignRow campaign = campaigns.campaign(row.campaignId()).orElseThrow();
        if (!campaign.state().equals("SCHEDULED") && !campaign.state().equals("RUNNING")) {
            return Outcome.NOT_MINE; // paused or over: stays open (cancel closes rows itself)
        }
        if (row.dueAt().isAfter(now)) {
            return Outcome.NOT_MINE;
        }
        Template t = template(campaign);
        ZoneId zone = zone(row);
        if ("PHASE".equals(row.kind())) {
            startPhase(row, campaign, now);
            finish(row, now, null);
            return Outcome.FINISHED;
        }
        if (row.state().equals("PENDING")) {
            Optional<Integer> newer = timeline.newerDueOccurrence(row, now);
            if (newer.isPresent()) {
                timeline.finishStep(row.id(), "EXPIRED", "superseded by the occurrence " + newer.get()
                        + " of the same step, also due: missed slots collapse into the newest", null);
                return Outcome.FINISHED;
            }
            Duration staleness = Duration.ofSeconds(row.stalenessSeconds());
            if (now.isAfter(row.dueAt().plus(staleness))) {
                timeline.finishStep(row.id(), "EXPIRED", "due " + row.localDue() + " (" + zone + "), reached at "
                        + TimelinePlanner.local(now, zone) + ": older than its staleness window " + staleness, null);
                return Outcome.FINISHED;
            }
        }
        Step step = TimelinePlanner.step(t, row.stepId());
        if (step.action() == Template.Action.ONE_TO_ONE_TASK) {
            if (row.state().equals("PENDING")) {
                timeline.materialising(row.id(), null);
            }
            return page(row, campaign, t, step, zone, now);
        }
        fireTouch(row, campaign, t, step, zone, now);
        return Outcome.FINISHED;
    }

    private Outcome materialisePage(long id) {
        Optional<StepRow> claimed = timeline.claim(id);
        if (claimed.isEmpty() || !claimed.get().state().equals("MATERIALISING")) {
            return Outcome.NOT_MINE;
        }
        StepRow row = claimed.get();
        CampaignRow campaign = campaigns.campaign(row.campaignId()).orElseThrow();
        if (!campaign.state().equals("SCHEDULED") && !campaign.state().equals("RUNNING")) {
            return Outcome.NOT_MINE;
        }
        Template t = template(campaign);
        return page(row, campaign, t, TimelinePlanner.step(t, row.stepId()), zone(row), clock.instant());
    }

    /** One audience page → tasks; finishes the row on the last page. */
    private Outcome page(StepRow row, CampaignRow campaign, Template t, Step step, ZoneId zone, Instant now) {
        SchedulePolicy policy = policy(campaign, row);
        if (TaskPlanner.oneToOneLayers(policy, step).isEmpty()) {
            finish(row, now, "no task: the step's layers are outside the layers operators serve 1:1 ("
                    + policy.oneToOneLayers() + ", " + policy.source() + ")");
            return Outcome.FINISHED;
        }
        AudiencePage page = audiences.page(policy, step, row.groupId(), row.cursor(), config.pageSize());
        List<AudienceMember> members = page.items();
        if (row.memberId() != null) {
            // A member step reaches its own member, if still in the group and matching the audience.
            members = members.stream().filter(m -> m.memberId().equals(row.memberId())).toList();
        }
        List<AudienceMember> staff = members.isEmpty() ? List.of() : audiences.staff(row.groupId(), config.pageSize());
        List<TaskPlanner.PlannedTask> planned = planTasks(policy, step, row.dueAt(), zone, members, staff);
        GroupEntity group = groups.group(row.groupId());
        List<TaskRow> tasks = new ArrayList<>(planned.size());
        for (TaskPlanner.PlannedTask p : planned) {
            tasks.add(new TaskRow(UUID.randomUUID(), row.id(), row.campaignId(), row.groupId(), row.stepId(),
                    row.occurrence(), p.memberId(), p.membershipId(), p.assigneeId(), p.assigneeRole(),
                    step.content(), tactics.tactic(p.stage(), p.layer(), group == null ? null : group.type),
                    p.status(), p.reason(), p.dueAt(), p.localDate(), now, now));
        }
        operatorTasks.insertTasks(tasks);
        boolean last = page.nextCursor() == null || (row.memberId() != null && !members.isEmpty());
        if (last) {
            String reason = row.memberId() != null && members.isEmpty()
                    ? "no task: the member is not in the group or not in the step's audience" : null;
            finish(row, now, reason);
            return Outcome.FINISHED;
        }
        timeline.materialising(row.id(), page.nextCursor());
        return Outcome.MORE_PAGES;
    }

    /** Cap and limit counts come from the tasks already stored (this and other campaigns). */
    private List<TaskPlanner.PlannedTask> planTasks(SchedulePolicy policy, Step step, Instant dueAt, ZoneId zone,
            List<AudienceMember> members, List<AudienceMember> staff) {
        List<UUID> ids = members.stream().map(AudienceMember::memberId).toList();
        LocalDate day = dueAt.atZone(zone).toLocalDate();
        YearMonth month = YearMonth.from(day);
        Map<UUID, Integer> dayCounts = new java.util.HashMap<>(operatorTasks.tasksPerMember(ids, day, day));
        Map<UUID, Integer> monthCounts = new java.util.HashMap<>(
                operatorTasks.tasksPerMember(ids, month.atDay(1), month.atEndOfMonth()));
        return TaskPlanner.plan(policy, step, dueAt, zone, members, staff, dayCounts, monthCounts);
    }

    private void fireTouch(StepRow row, CampaignRow campaign, Template t, Step step, ZoneId zone, Instant now) {
        String month = YearMonth.from(row.dueAt().atZone(zone)).toString();
        if (TouchRules.countsAsPost(step.action())) {
            SchedulePolicy policy = policy(campaign, row);
            Integer limit = policy.groupPostsPerMonth();
            int posts = limit == null ? 0 : touches.groupPostsInMonth(row.groupId(), month);
            if (limit != null && posts >= limit) {
                timeline.finishStep(row.id(), "SKIPPED", "platform limit: " + posts + " group posts in " + month
                        + " (group posts per month " + limit + ", " + policy.source() + ")", null);
                return;
            }
        }
        UUID touchId = UUID.nameUUIDFromBytes(("touch:" + row.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (touches.insertTouch(new TouchRow(touchId, row.id(), row.campaignId(), row.groupId(), row.stepId(),
                row.occurrence(), step.action().name(), month, now))) {
            events.touchDue(touchId, campaign, row, step, step.metric() != null ? step.metric()
                    : step.action() == Template.Action.METRIC_CHECKPOINT ? campaign.northStarMetric() : null, zone,
                    now);
        }
        finish(row, now, null);
    }

    private void startPhase(StepRow row, CampaignRow campaign, Instant now) {
        String previous = campaigns.group(row.campaignId(), row.groupId()).map(g -> g.currentPhase()).orElse(null);
        campaigns.setCurrentPhase(row.campaignId(), row.groupId(), row.phase());
        events.phaseChanged(campaign, row.groupId(), row.phase(), previous, row.day(), row.dueAt());
        if (campaign.state().equals("SCHEDULED")) {
            campaigns.setCampaignState(campaign.id(), "RUNNING", now);
        }
        if (TimelinePlanner.ENDED.equals(row.phase())) {
            timeline.skipOpenStepsOfGroup(campaign.id(), row.groupId(), row.dueAt(), "活动已结束，未到期的步骤不再发送 / the campaign "
                    + "ended (day " + (row.day() - 1) + " was its last) before this step fell due: not sent");
        }
        if (TimelinePlanner.ENDED.equals(row.phase()) && campaigns.groupsNotIn(campaign.id(), TimelinePlanner.ENDED) == 0) {
            campaigns.setCampaignState(campaign.id(), "COMPLETED", now);
            audit.record(Actor.scheduler("campaign-scheduler"), AuditActions.CAMPAIGN_COMPLETED, campaign.id(),
                    AuditLog.detail("templateId", campaign.templateId(), "templateVersion", campaign.templateVersion()));
            LOG.infof("Campaign %s completed", campaign.id());
        }
    }

    /** DONE, or LATE with why: an operator reading the timeline sees when it was due and when it went. */
    private void finish(StepRow row, Instant now, String reason) {
        String state = onTime(row, now);
        if ("LATE".equals(state)) {
            ZoneId zone = zone(row);
            String fired = TimelinePlanner.local(now, zone).toString();
            long minutes = Duration.between(row.dueAt(), now).toMinutes();
            String late = "延迟 " + minutes + " 分钟发送（应于 " + row.localDue() + "，实际 " + fired + "）/ fired "
                    + minutes + " min late: due " + row.localDue() + ", fired " + fired + " (" + zone + "), more than "
                    + config.lateAfter().toMinutes() + " min after its due time (scheduler down, campaign paused or a"
                    + " dependency unavailable) and still within its staleness";
            String earlier = reason != null ? reason : row.reason(); // e.g. a quiet-hour hold
            reason = earlier == null ? late : earlier + "; " + late;
        }
        timeline.finishStep(row.id(), state, reason, now);
    }

    private String onTime(StepRow row, Instant now) {
        return now.isAfter(row.dueAt().plus(config.lateAfter())) ? "LATE" : "DONE";
    }

    private Template template(CampaignRow c) {
        return catalog.parsed(catalog.find(c.templateId(), c.templateVersion()).orElseThrow());
    }

    private SchedulePolicy policy(CampaignRow campaign, StepRow row) {
        return policies.of(campaign, campaigns.group(row.campaignId(), row.groupId()).orElseThrow());
    }

    private ZoneId zone(StepRow row) {
        return campaigns.group(row.campaignId(), row.groupId()).map(g -> ZoneId.of(g.timeZone())).orElseThrow();
    }
}
