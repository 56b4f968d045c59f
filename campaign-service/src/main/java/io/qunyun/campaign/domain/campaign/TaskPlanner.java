package io.qunyun.campaign.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.qunyun.campaign.domain.template.Template;
import io.qunyun.campaign.domain.template.Template.Policy;
import io.qunyun.campaign.domain.template.Template.Step;
import io.qunyun.campaign.member.MemberClient.AudienceMember;

/**
 * Decides, for one page of a 1:1 step's audience, each member's task: open, deferred by the
 * contact cap, or skipped (cap, platform limit), and which staff member it is assigned to. Pure:
 * the scheduler feeds it counts from the database, the dry run counts it keeps in memory, so both
 * take the same decisions.
 */
public final class TaskPlanner {

    private TaskPlanner() {
    }

    public record PlannedTask(UUID memberId, UUID membershipId, String layer, String stage, UUID assigneeId,
            String assigneeRole, String status, String reason, Instant dueAt, LocalDate localDate) {
    }

    /**
     * @param dayCounts   tasks per member on the due's local date; updated with the tasks planned here
     * @param monthCounts tasks per member in the due's local month; updated likewise
     */
    public static List<PlannedTask> plan(Template t, Step step, Instant dueAt, ZoneId zone,
            List<AudienceMember> page, List<AudienceMember> staff, Map<UUID, Integer> dayCounts,
            Map<UUID, Integer> monthCounts) {
        Policy policy = t.policy();
        List<AudienceMember> assignees = assignees(staff, step.ownerRole());
        ZonedDateTime due = dueAt.atZone(zone);
        List<PlannedTask> out = new ArrayList<>(page.size());
        for (AudienceMember m : page) {
            if (m.staff()) {
                continue; // the platform never tasks staff with reaching staff
            }
            UUID assignee = assignees.isEmpty() ? null
                    : assignees.get(Math.floorMod(m.memberId().hashCode(), assignees.size())).memberId();
            int month = monthCounts.getOrDefault(m.memberId(), 0);
            int day = dayCounts.getOrDefault(m.memberId(), 0);
            String status = "OPEN";
            String reason = null;
            ZonedDateTime taskDue = due;
            if (month >= policy.oneToOnePerCustomerPerMonth()) {
                status = "SKIPPED";
                reason = "platform limit: " + month + " 1:1 touches this month (policy.oneToOnePerCustomerPerMonth "
                        + policy.oneToOnePerCustomerPerMonth() + ")";
            } else if (day >= policy.contactCapPerMemberPerDay()) {
                if (policy.capMode() == Template.CapMode.SKIP) {
                    status = "SKIPPED";
                    reason = "contact cap: " + day + " tasks on " + due.toLocalDate()
                            + " (policy.contactCapPerMemberPerDay " + policy.contactCapPerMemberPerDay() + ", SKIP)";
                } else {
                    taskDue = due.plusDays(1);
                    reason = "deferred from " + due.toLocalDate() + " by the contact cap (policy.contactCapPerMemberPerDay "
                            + policy.contactCapPerMemberPerDay() + ", DEFER)";
                }
            }
            if (!"SKIPPED".equals(status)) {
                monthCounts.merge(m.memberId(), 1, Integer::sum);
                if (taskDue.equals(due)) {
                    dayCounts.merge(m.memberId(), 1, Integer::sum);
                }
            }
            out.add(new PlannedTask(m.memberId(), m.membershipId(), m.layer(), m.stage(), assignee, step.ownerRole(),
                    status, reason, taskDue.toInstant(), taskDue.toLocalDate()));
        }
        return out;
    }

    /** Staff playing the step's owner role, or all staff when nobody plays it; stable order. */
    static List<AudienceMember> assignees(List<AudienceMember> staff, String ownerRole) {
        List<AudienceMember> playing = staff.stream()
                .filter(s -> s.roles() != null && s.roles().contains(ownerRole)).toList();
        List<AudienceMember> chosen = new ArrayList<>(playing.isEmpty() ? staff : playing);
        chosen.sort(Comparator.comparing(AudienceMember::membershipId));
        return chosen;
    }

    /**
     * Layers a 1:1 step may reach: the step's own layers within those operators serve 1:1
     * (policy.oneToOneLayers); the rest is reached through core members, not by staff tasks.
     */
    public static List<String> oneToOneLayers(Template t, Step step) {
        List<String> served = t.policy().oneToOneLayers();
        if (step.audience().layers() == null) {
            return served;
        }
        return step.audience().layers().stream().filter(served::contains).toList();
    }
}
