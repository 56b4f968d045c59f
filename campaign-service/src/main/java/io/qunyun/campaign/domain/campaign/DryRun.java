package io.qunyun.campaign.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.campaign.config.SchedulerConfig;
import io.qunyun.campaign.domain.template.Template;
import io.qunyun.campaign.domain.template.Template.Step;
import io.qunyun.campaign.domain.template.TemplateCatalog;
import io.qunyun.campaign.domain.template.TemplateCatalog.StoredTemplate;
import io.qunyun.campaign.domain.MemberAudiences.AudienceMember;
import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.Groups;

/**
 * What a template would do on a group if started on a date: every phase boundary, touch and task,
 * with quiet-hour holds and skips, platform limits and contact caps — computed by the same planner
 * code the scheduler uses, assuming every row fires on time, with today's audience. Reads only:
 * nothing is written, nothing is emitted (the transaction is read-only in effect: it only selects).
 */
@ApplicationScoped
public class DryRun {

    private final TemplateCatalog catalog;
    private final Groups groups;
    private final Touches touches;
    private final OperatorTasks operatorTasks;
    private final Audiences audiences;
    private final SchedulerConfig config;
    private final SchedulePolicies policies;

    DryRun(TemplateCatalog catalog, Groups groups, Touches touches, OperatorTasks operatorTasks, Audiences audiences,
            SchedulerConfig config, SchedulePolicies policies) {
        this.policies = policies;
        this.catalog = catalog;
        this.groups = groups;
        this.touches = touches;
        this.operatorTasks = operatorTasks;
        this.audiences = audiences;
        this.config = config;
    }

    public record Item(String stepId, String kind, String action, String phase, int day, int occurrence,
            Instant plannedAt, Instant dueAt, String localDue, String state, String reason, boolean touch,
            List<TaskPreview> tasks) {
    }

    public record TaskPreview(UUID memberId, UUID membershipId, UUID assigneeId, String assigneeRole, String status,
            String reason, Instant dueAt, LocalDate localDate) {
    }

    public record Result(String templateId, String templateVersion, UUID groupId, String timeZone, LocalDate startDate,
            SchedulePolicy schedulePolicy, List<Item> items, int touches, int tasks) {
    }

    @Transactional
    public Result run(String templateId, String templateVersion, UUID groupId, LocalDate startDate) {
        StoredTemplate stored = catalog.find(templateId, templateVersion)
                .orElseThrow(() -> new CampaignException(templateVersion == null ? "templateId" : "templateVersion",
                        "names no stored template (GET /templates lists them)"));
        GroupEntity group = groups.group(groupId);
        if (group == null) {
            throw new CampaignException("groupId", "names no group");
        }
        Template t = catalog.parsed(stored);
        SchedulePolicy policy = policies.decide(stored.id(), group);
        ZoneId zone = group.zone();
        Map<String, Integer> postsPerMonth = new HashMap<>();
        Map<LocalDate, Map<UUID, Integer>> perDay = new HashMap<>();
        Map<YearMonth, Map<UUID, Integer>> perMonth = new HashMap<>();
        List<AudienceMember> staff = null;
        List<Item> items = new ArrayList<>();
        int touches = 0;
        int tasks = 0;
        for (PlannedStep p : TimelinePlanner.planGroup(t, policy, startDate, zone)) {
            if (p.kind() == PlannedStep.Kind.PHASE || p.state() != StepState.PENDING) {
                items.add(item(p, p.state().name(), p.reason(), false, List.of()));
                continue;
            }
            Step step = TimelinePlanner.step(t, p.stepId());
            if (step.action() != Template.Action.ONE_TO_ONE_TASK) {
                String month = YearMonth.from(p.dueAt().atZone(zone)).toString();
                if (TouchRules.countsAsPost(step.action())) {
                    int posts = postsPerMonth.computeIfAbsent(month, m -> this.touches.groupPostsInMonth(groupId, m));
                    Integer limit = policy.groupPostsPerMonth();
                    if (limit != null && posts >= limit) {
                        items.add(item(p, "SKIPPED", "platform limit: " + posts + " group posts in " + month
                                + " (group posts per month " + limit + ", " + policy.source() + ")", false, List.of()));
                        continue;
                    }
                    postsPerMonth.merge(month, 1, Integer::sum);
                }
                touches++;
                items.add(item(p, "DONE", p.reason(), true, List.of()));
                continue;
            }
            if (TaskPlanner.oneToOneLayers(policy, step).isEmpty()) {
                items.add(item(p, "DONE", "no task: the step's layers are outside the layers operators serve 1:1 ("
                        + policy.oneToOneLayers() + ", " + policy.source() + ")", false, List.of()));
                continue;
            }
            List<TaskPreview> previews = new ArrayList<>();
            String cursor = null;
            LocalDate day = p.dueAt().atZone(zone).toLocalDate();
            YearMonth month = YearMonth.from(day);
            do {
                AudiencePage page = audiences.page(policy, step, groupId, cursor, config.pageSize());
                if (staff == null && !page.items().isEmpty()) {
                    staff = audiences.staff(groupId, config.pageSize());
                }
                List<UUID> ids = page.items().stream().map(AudienceMember::memberId).toList();
                // Counts as the scheduler would see them: what is stored plus what this run planned.
                Map<UUID, Integer> dayCounts = seeded(perDay.computeIfAbsent(day, d -> new HashMap<>()),
                        ids, () -> operatorTasks.tasksPerMember(ids, day, day));
                Map<UUID, Integer> monthCounts = seeded(perMonth.computeIfAbsent(month, m -> new HashMap<>()),
                        ids, () -> operatorTasks.tasksPerMember(ids, month.atDay(1), month.atEndOfMonth()));
                for (TaskPlanner.PlannedTask task : TaskPlanner.plan(policy, step, p.dueAt(), zone, page.items(),
                        staff == null ? List.of() : staff, dayCounts, monthCounts)) {
                    previews.add(new TaskPreview(task.memberId(), task.membershipId(), task.assigneeId(),
                            task.assigneeRole(), task.status(), task.reason(), task.dueAt(), task.localDate()));
                    // A deferred task counts on its new day, as it will once stored.
                    if (!task.localDate().equals(day) && !"SKIPPED".equals(task.status())) {
                        perDay.computeIfAbsent(task.localDate(), d -> new HashMap<>()).merge(task.memberId(), 1,
                                Integer::sum);
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            tasks += previews.size();
            items.add(item(p, "DONE", p.reason(), false, previews));
        }
        return new Result(stored.id(), stored.version(), groupId, zone.getId(), startDate, policy, items, touches, tasks);
    }

    /** The in-memory counts of a day or month, seeded once per member from the database. */
    private static Map<UUID, Integer> seeded(Map<UUID, Integer> counts, List<UUID> ids,
            java.util.function.Supplier<Map<UUID, Integer>> stored) {
        List<UUID> missing = ids.stream().filter(id -> !counts.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            Map<UUID, Integer> fromDb = stored.get();
            for (UUID id : missing) {
                counts.put(id, fromDb.getOrDefault(id, 0));
            }
        }
        return counts;
    }

    private static Item item(PlannedStep p, String state, String reason, boolean touch, List<TaskPreview> tasks) {
        return new Item(p.stepId(), p.kind().name(), p.action(), p.phase(), p.day(), p.occurrence(), p.plannedAt(),
                p.dueAt(), p.localDue().toString(), state, reason, touch, tasks);
    }
}
