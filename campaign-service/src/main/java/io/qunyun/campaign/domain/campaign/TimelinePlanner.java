package io.qunyun.campaign.domain.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.qunyun.campaign.domain.template.Template;
import io.qunyun.campaign.domain.template.Template.Phase;
import io.qunyun.campaign.domain.template.Template.Step;

/**
 * Turns a template into due instants for one group (docs/campaigns.md, "Days and times"): pure,
 * so that the timeline, the dry run and the scheduler agree by construction.
 *
 * <ul>
 * <li>Campaign day N is the local date {@code startDate + (N - 1)} in the group's zone: day 1 is the start date.</li>
 * <li>Event day N is the local date {@code eventDate + N}: day 0 is the day of the event, day 1 the
 * next local calendar day (joined 21 Aug 23:30 → day 1 is 22 Aug), whatever the hour of joining.</li>
 * <li>A local time that does not exist (spring-forward gap) moves forward by the gap's length;
 * an ambiguous one (autumn overlap) takes the earlier offset — java.time's ZonedDateTime.of rules.</li>
 * <li>A phase starts at local midnight of its first day; ENDED at midnight after the last day.</li>
 * </ul>
 */
public final class TimelinePlanner {

    public static final String ENDED = "ENDED";

    private TimelinePlanner() {
    }

    public static LocalDate dateOfDay(LocalDate startDate, int day) {
        return startDate.plusDays(day - 1L);
    }

    public static int length(Template t) {
        return t.phases().get(t.phases().size() - 1).toDay();
    }

    public static String phaseOfDay(Template t, int day) {
        if (day < 1) {
            return null;
        }
        return t.phases().stream().filter(p -> p.fromDay() <= day && day <= p.toDay()).map(Phase::name)
                .findFirst().orElse(ENDED);
    }

    /** The campaign day the given instant falls on in the zone (0 before the start). */
    public static int dayAt(LocalDate startDate, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        long day = java.time.temporal.ChronoUnit.DAYS.between(startDate, today) + 1;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, day));
    }

    /** Phase boundaries and group-level steps (not the member-anchored ones). */
    public static List<PlannedStep> planGroup(Template t, SchedulePolicy policy, LocalDate startDate, ZoneId zone) {
        List<PlannedStep> out = new ArrayList<>();
        String previous = null;
        for (Phase ph : t.phases()) {
            out.add(phase(ph.name(), ph.fromDay(), startDate, zone));
            previous = ph.name();
        }
        out.add(phase(ENDED, length(t) + 1, startDate, zone));
        for (Step s : t.steps()) {
            if (s.eventDay() != null) {
                continue;
            }
            for (int day : daysOf(t, s)) {
                out.add(at(t, policy, s, day, dateOfDay(startDate, day), PlannedStep.GROUP_TARGET, null, zone, day,
                        startDate));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * The member-anchored steps of one member who joined at {@code joinedAt}: only those that fall
     * inside the campaign (on or before its last day).
     */
    public static List<PlannedStep> planMember(Template t, SchedulePolicy policy, LocalDate startDate, ZoneId zone,
            UUID memberId, Instant joinedAt) {
        return planMember(t, policy, startDate, zone, memberId, joinedAt.atZone(zone).toLocalDate());
    }

    /** The member steps anchored on a local join date (day 0); RESUME passes the first join's date. */
    public static List<PlannedStep> planMember(Template t, SchedulePolicy policy, LocalDate startDate, ZoneId zone,
            UUID memberId, LocalDate joined) {
        LocalDate last = dateOfDay(startDate, length(t));
        String target = PlannedStep.memberTarget(memberId, joined);
        List<PlannedStep> out = new ArrayList<>();
        for (Step s : t.steps()) {
            if (s.eventDay() == null) {
                continue;
            }
            LocalDate date = joined.plusDays(s.eventDay().day());
            if (date.isAfter(last) || date.isBefore(startDate)) {
                continue;
            }
            int campaignDay = (int) java.time.temporal.ChronoUnit.DAYS.between(startDate, date) + 1;
            out.add(at(t, policy, s, campaignDay, date, target, memberId, zone, s.eventDay().day(), startDate));
        }
        out.sort(ORDER);
        return out;
    }

    public static final Comparator<PlannedStep> ORDER = Comparator.comparing(PlannedStep::dueAt)
            .thenComparing(p -> p.kind() == PlannedStep.Kind.PHASE ? 0 : 1)
            .thenComparing(PlannedStep::stepId).thenComparing(PlannedStep::target);

    private static List<Integer> daysOf(Template t, Step s) {
        if (s.day() != null) {
            return List.of(s.day());
        }
        if (s.phaseDay() != null) {
            Phase ph = t.phases().stream().filter(p -> p.name().equals(s.phaseDay().phase())).findFirst()
                    .orElseThrow();
            return List.of(ph.fromDay() + s.phaseDay().day() - 1);
        }
        List<Integer> days = new ArrayList<>();
        for (int d = s.days().from(); d <= s.days().to(); d++) {
            days.add(d);
        }
        return days;
    }

    private static PlannedStep phase(String name, int day, LocalDate startDate, ZoneId zone) {
        ZonedDateTime start = dateOfDay(startDate, day).atStartOfDay(zone);
        return new PlannedStep("phase:" + name, day, PlannedStep.GROUP_TARGET, null, PlannedStep.Kind.PHASE, null,
                name, day, start.toInstant(), start.toInstant(), start.toLocalDateTime(), null, StepState.PENDING,
                null);
    }

    private static PlannedStep at(Template t, SchedulePolicy policy, Step s, int campaignDay, LocalDate date, String target, UUID memberId,
            ZoneId zone, int occurrence, LocalDate startDate) {
        ZonedDateTime planned = ZonedDateTime.of(date, s.at(), zone);
        ZonedDateTime due = planned;
        StepState state = StepState.PENDING;
        String reason = null;
        SchedulePolicy.QuietHours quiet = policy.quietHours();
        LocalTime local = planned.toLocalTime();
        if (quiet.contains(local)) {
            if (s.quietHours() == Template.QuietMode.SKIP) {
                state = StepState.SKIPPED;
                reason = "quiet hours " + quiet.start() + "–" + quiet.end() + " (" + policy.source() + "; step mode SKIP)";
            } else {
                LocalDate endDate = local.isBefore(quiet.end()) ? planned.toLocalDate() : planned.toLocalDate().plusDays(1);
                due = ZonedDateTime.of(endDate, quiet.end(), zone);
                reason = "held by quiet hours " + quiet.start() + "–" + quiet.end() + " (" + policy.source() + ") until "
                        + due.toLocalDateTime();
                LocalDate lastDay = dateOfDay(startDate, length(t));
                if (due.toLocalDate().isAfter(lastDay)) {
                    // The template's phases end the campaign (ENDED at midnight after the last day): a hold
                    // may not carry a step past it. A template that wants touches after the end gives them
                    // a GRACE phase (conversion-camp-30d does).
                    state = StepState.SKIPPED;
                    reason = "静默时段顺延至 " + due.toLocalDateTime() + "，已在活动最后一天（第 " + length(t) + " 天 "
                            + lastDay + "）之后：不发送 / " + reason + ", after the campaign's last day (day "
                            + length(t) + ", " + lastDay + "): not sent (a template gives after-end steps a GRACE phase)";
                    due = planned; // not sent: shown where the template put it
                }
            }
        }
        String phase = s.phase() != null ? s.phase()
                : s.phaseDay() != null ? s.phaseDay().phase() : phaseOfDay(t, campaignDay);
        Duration staleness = s.staleness();
        return new PlannedStep(s.id(), occurrence, target, memberId, PlannedStep.Kind.STEP, s.action().name(), phase,
                campaignDay, planned.toInstant(), due.toInstant(), due.toLocalDateTime(), staleness, state, reason);
    }

    /** A template step by id (the step a timeline row belongs to). */
    public static Step step(Template t, String stepId) {
        return t.steps().stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("template " + t.id() + " has no step " + stepId));
    }

    public static LocalDateTime local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDateTime();
    }
}
