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

import io.qunyun.campaign.domain.template.Template.Step;
import io.qunyun.campaign.domain.MemberAudiences.AudienceMember;

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
    public static List<PlannedTask> plan(SchedulePolicy policy, Step step, Instant dueAt, ZoneId zone,
            List<AudienceMember> page, List<AudienceMember> staff, Map<UUID, Integer> dayCounts,
            Map<UUID, Integer> monthCounts) {
        List<AudienceMember> assignees = assignees(staff, step.ownerRole());
        ZonedDateTime due = dueAt.atZone(zone);
        List<PlannedTask> out = new ArrayList<>(page.size());
        for (AudienceMember m : page) {
            if (m.staff()) {
                continue; // the platform never tasks staff with reaching staff
            }
            if (!served(policy, m, dueAt)) {
                continue; // reached through group posts and core members, not by a staff task
            }
            UUID assignee = assignees.isEmpty() ? null
                    : assignees.get(Math.floorMod(m.memberId().hashCode(), assignees.size())).memberId();
            int month = monthCounts.getOrDefault(m.memberId(), 0);
            int day = dayCounts.getOrDefault(m.memberId(), 0);
            String status = "OPEN";
            String reason = null;
            ZonedDateTime taskDue = due;
            Integer monthly = policy.oneToOnePerCustomerPerMonth();
            if (monthly != null && month >= monthly) {
                status = "SKIPPED";
                reason = "platform limit: " + month + " 1:1 touches this month (1:1 per customer per month " + monthly
                        + ", " + policy.source() + ")";
            } else if (day >= policy.contactCapPerDay()) {
                if (policy.capMode() == SchedulePolicy.CapMode.SKIP) {
                    status = "SKIPPED";
                    reason = "contact cap: " + day + " tasks on " + due.toLocalDate() + " (contact cap per day "
                            + policy.contactCapPerDay() + ", SKIP, " + policy.source() + ")";
                } else {
                    taskDue = due.plusDays(1);
                    reason = "deferred from " + due.toLocalDate() + " by the contact cap (contact cap per day "
                            + policy.contactCapPerDay() + ", DEFER, " + policy.source() + ")";
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
     * Whether operators serve this member 1:1: of the influence layer only those active within the
     * policy's window ("the core and part of the influence layer"); a member never active is not.
     */
    static boolean served(SchedulePolicy policy, AudienceMember m, Instant dueAt) {
        Integer within = policy.influenceActiveWithinDays();
        if (within == null || !"INFLUENCE".equals(m.layer())) {
            return true;
        }
        return m.lastActivityAt() != null && !m.lastActivityAt().isBefore(dueAt.minus(java.time.Duration.ofDays(within)));
    }

    /**
     * Layers a 1:1 step may reach: the step's own layers within those operators serve 1:1 (the
     * SchedulePolicy's 1:1 layers); the rest is reached through core members, not by staff tasks.
     */
    public static List<String> oneToOneLayers(SchedulePolicy policy, Step step) {
        List<String> served = policy.oneToOneLayers();
        if (step.audience().layers() == null) {
            return served;
        }
        return step.audience().layers().stream().filter(served::contains).toList();
    }
}
