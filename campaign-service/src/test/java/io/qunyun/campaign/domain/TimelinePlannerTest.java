package io.qunyun.campaign.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.qunyun.campaign.domain.campaign.PlannedStep;
import io.qunyun.campaign.domain.campaign.SchedulePolicy;
import io.qunyun.campaign.domain.campaign.StepState;
import io.qunyun.campaign.domain.campaign.TimelinePlanner;
import io.qunyun.campaign.domain.template.Template;
import io.qunyun.campaign.domain.template.TemplateParser;

/** Days, local times, zones and quiet hours of the timeline, on the shipped templates. */
class TimelinePlannerTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final TemplateParser parser = new TemplateParser();

    /** Quiet hours as the shipped SchedulePolicy table decides them (the check-in challenge ends them at 07:00). */
    static SchedulePolicy policy(Template t) {
        LocalTime end = t.id().equals("checkin-challenge-21d") ? LocalTime.of(7, 0) : LocalTime.of(8, 0);
        return new SchedulePolicy(new SchedulePolicy.QuietHours(LocalTime.of(22, 0), end), 2,
                SchedulePolicy.CapMode.DEFER, 120, 30, List.of("CORE", "INFLUENCE"), 14, "Q01 default", "sha256:test",
                List.of("Q01 default"));
    }

    Template builtIn(String id) throws Exception {
        try (var in = getClass().getResourceAsStream("/templates/" + id + ".yaml")) {
            return parser.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void conversionCampPhaseBoundariesAndGraceDays() throws Exception {
        Template camp = builtIn("conversion-camp-30d");
        LocalDate start = LocalDate.of(2026, 8, 21);
        Map<String, PlannedStep> phases = TimelinePlanner.planGroup(camp, policy(camp), start, SHANGHAI).stream()
                .filter(p -> p.kind() == PlannedStep.Kind.PHASE)
                .collect(Collectors.toMap(PlannedStep::phase, p -> p));
        // Each phase starts at local midnight of its first day (16:00Z the day before in Shanghai).
        assertEquals(Instant.parse("2026-08-20T16:00:00Z"), phases.get("WARM_UP").dueAt());
        assertEquals(Instant.parse("2026-08-27T16:00:00Z"), phases.get("BUILD_UP").dueAt()); // day 8 = 28 Aug
        assertEquals(Instant.parse("2026-09-05T16:00:00Z"), phases.get("CLIMAX").dueAt()); // day 17 = 6 Sep
        assertEquals(Instant.parse("2026-09-13T16:00:00Z"), phases.get("WRAP_UP").dueAt()); // day 25 = 14 Sep
        assertEquals(Instant.parse("2026-09-19T16:00:00Z"), phases.get("GRACE").dueAt()); // day 31 = 20 Sep
        assertEquals(Instant.parse("2026-09-22T16:00:00Z"), phases.get("ENDED").dueAt()); // after day 33
        assertEquals(6, phases.size());

        for (int day = 1; day <= 34; day++) {
            String expected = day <= 7 ? "WARM_UP" : day <= 16 ? "BUILD_UP" : day <= 24 ? "CLIMAX"
                    : day <= 30 ? "WRAP_UP" : day <= 33 ? "GRACE" : "ENDED";
            assertEquals(expected, TimelinePlanner.phaseOfDay(camp, day), "day " + day);
        }
        // The day a clock instant falls on is local: 23:59 local on 21 Aug is day 1, 00:00 on 22 Aug day 2.
        assertEquals(1, TimelinePlanner.dayAt(start, SHANGHAI, Instant.parse("2026-08-21T15:59:00Z")));
        assertEquals(2, TimelinePlanner.dayAt(start, SHANGHAI, Instant.parse("2026-08-21T16:00:00Z")));
        assertEquals(0, TimelinePlanner.dayAt(start, SHANGHAI, Instant.parse("2026-08-20T15:59:00Z")));
    }

    @Test
    void climaxHasTheKolSessionThenATwoDayOfferAndTheCampEndsWithTheReview() throws Exception {
        Template camp = builtIn("conversion-camp-30d");
        List<PlannedStep> plan = TimelinePlanner.planGroup(camp, policy(camp), LocalDate.of(2026, 8, 21), SHANGHAI);
        PlannedStep kol = only(plan, "kol-sharing-session");
        PlannedStep offer = only(plan, "limited-offer");
        assertEquals(17, kol.day());
        assertEquals("CLIMAX", kol.phase());
        assertEquals(18, offer.day());
        assertEquals(java.time.Duration.ofDays(2), Template.class.cast(camp).steps().stream()
                .filter(s -> s.id().equals("limited-offer")).findFirst().orElseThrow().window());
        PlannedStep review = plan.stream().filter(p -> p.kind() == PlannedStep.Kind.STEP)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("review", review.stepId());
        assertEquals("GRACE", review.phase());
        assertEquals(33, review.day());
    }

    @Test
    void eventDayOneIsTheNextLocalCalendarDayWhateverTheHourOfJoining() throws Exception {
        Template newcomer = builtIn("newcomer-7d");
        UUID member = UUID.randomUUID();
        LocalDate start = LocalDate.of(2026, 8, 20);
        // Joined 21 Aug 23:30 in Shanghai (15:30Z): day 0 is 21 Aug, day 1 is 22 Aug.
        List<PlannedStep> late = TimelinePlanner.planMember(newcomer, policy(newcomer), start, SHANGHAI, member,
                Instant.parse("2026-08-21T15:30:00Z"));
        assertEquals("2026-08-22T12:00", only(late, "first-experience").localDue().toString());
        assertEquals("2026-08-24T19:00", only(late, "day3-check").localDue().toString());
        // Joined 21 Aug 00:10 in Shanghai (20 Aug 16:10Z, still 20 Aug in UTC): same local days.
        List<PlannedStep> early = TimelinePlanner.planMember(newcomer, policy(newcomer), start, SHANGHAI, member,
                Instant.parse("2026-08-20T16:10:00Z"));
        assertEquals("2026-08-22T12:00", only(early, "first-experience").localDue().toString());
        assertEquals(Instant.parse("2026-08-22T04:00:00Z"), only(early, "first-experience").dueAt());
        assertTrue(late.stream().allMatch(p -> p.target().equals("member:" + member + ":2026-08-21")));
        // day 7 after 21 Aug is 28 Aug, outside the 7-day campaign (20–26 Aug): not planned.
        assertTrue(late.stream().noneMatch(p -> p.stepId().equals("day7-feedback")));
    }

    @Test
    void localSlotsToUtcInShanghaiAndAcrossBerlinsMarchChange() throws Exception {
        Template rhythm = builtIn("daily-rhythm");
        List<PlannedStep> shanghai = TimelinePlanner.planGroup(rhythm, policy(rhythm), LocalDate.of(2027, 3, 26), SHANGHAI);
        assertEquals(Instant.parse("2027-03-26T00:00:00Z"), due(shanghai, "morning-news", 1));
        assertEquals(Instant.parse("2027-03-26T03:00:00Z"), due(shanghai, "product-or-feedback", 1));
        assertEquals(Instant.parse("2027-03-26T05:00:00Z"), due(shanghai, "light-topic", 1));
        assertEquals(Instant.parse("2027-03-26T09:00:00Z"), due(shanghai, "interaction", 1));
        // No daylight saving in China: the 3rd day is still UTC+8.
        assertEquals(Instant.parse("2027-03-28T00:00:00Z"), due(shanghai, "morning-news", 3));

        // Berlin moves to summer time on Sunday 28 March 2027 at 02:00: 08:00 is 07:00Z before, 06:00Z after.
        List<PlannedStep> berlin = TimelinePlanner.planGroup(rhythm, policy(rhythm), LocalDate.of(2027, 3, 26), BERLIN);
        assertEquals(Instant.parse("2027-03-26T07:00:00Z"), due(berlin, "morning-news", 1));
        assertEquals(Instant.parse("2027-03-27T07:00:00Z"), due(berlin, "morning-news", 2));
        assertEquals(Instant.parse("2027-03-28T06:00:00Z"), due(berlin, "morning-news", 3));
        assertEquals(Instant.parse("2027-03-28T15:00:00Z"), due(berlin, "interaction", 3));
        assertEquals("2027-03-28T08:00", berlin.stream().filter(p -> p.stepId().equals("morning-news")
                && p.occurrence() == 3).findFirst().orElseThrow().localDue().toString());
        // The phase of day 3 starts at local midnight, still CET (23:00Z the day before).
        PlannedStep daily = berlin.stream().filter(p -> p.stepId().equals("phase:DAILY")).findFirst().orElseThrow();
        assertEquals(Instant.parse("2027-03-25T23:00:00Z"), daily.dueAt());
    }

    @Test
    void quietHoursHoldUntilTheWindowEndsOrSkipPerStep() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/templates/lead-group-48h.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
                // goodbye (HOLD) at 23:15 and value-session switched to SKIP at 22:30: both inside 22:00–08:00
                .replace("at: \"21:00\"", "at: \"23:15\"")
                .replace("""
                        at: "20:00"
                            action: EVENT_SESSION
                            audience: {all: true}
                            content: lead/mini-lesson
                            ownerRole: TEACHING_ASSISTANT
                            quietHours: HOLD""", """
                        at: "22:30"
                            action: EVENT_SESSION
                            audience: {all: true}
                            content: lead/mini-lesson
                            ownerRole: TEACHING_ASSISTANT
                            quietHours: SKIP""");
        Template lead = parser.parse(yaml);
        List<PlannedStep> plan = TimelinePlanner.planGroup(lead, policy(lead), LocalDate.of(2026, 8, 21), SHANGHAI);
        PlannedStep goodbye = only(plan, "goodbye");
        assertEquals(StepState.PENDING, goodbye.state());
        assertEquals("2026-08-22T23:15", goodbye.plannedAt().atZone(SHANGHAI).toLocalDateTime().toString());
        assertEquals("2026-08-23T08:00", goodbye.localDue().toString());
        assertTrue(goodbye.reason().startsWith("held by quiet hours 22:00–08:00"), goodbye.reason());
        PlannedStep session = only(plan, "value-session");
        assertEquals(StepState.SKIPPED, session.state());
        assertTrue(session.reason().contains("SKIP"), session.reason());
        // 09:00 is outside the window: untouched.
        assertEquals(only(plan, "join-message").plannedAt(), only(plan, "join-message").dueAt());
    }

    @Test
    void aHoldThatWouldCarryAStepPastTheLastDaySkipsItWithTheReason() throws Exception {
        Template t = parser.parse("""
                id: held-past-end
                title: Held past the end (test)
                reentry: RESUME
                phases:
                  - {name: ONLY, fromDay: 1, toDay: 2}
                steps:
                  - {id: last-night-post, day: 2, at: "23:30", action: GROUP_POST, audience: {all: true},
                     content: test/late, ownerRole: OWNER, quietHours: HOLD, staleness: PT1H}
                  - {id: first-night-post, day: 1, at: "23:30", action: GROUP_POST, audience: {all: true},
                     content: test/early, ownerRole: OWNER, quietHours: HOLD, staleness: PT1H}
                  - {id: m-night, eventDay: {event: JOINED, day: 0}, at: "23:30", action: ONE_TO_ONE_TASK,
                     audience: {all: true}, content: test/m, ownerRole: OWNER, quietHours: HOLD, staleness: PT1H}
                """);
        LocalDate start = LocalDate.of(2027, 1, 11);
        List<PlannedStep> plan = TimelinePlanner.planGroup(t, policy(t), start, SHANGHAI);
        PlannedStep last = only(plan, "last-night-post");
        assertEquals(StepState.SKIPPED, last.state(), "08:00 on 13 Jan is after the last day (12 Jan)");
        assertEquals(last.plannedAt(), last.dueAt(), "not sent: shown at its template time");
        assertTrue(last.reason().contains("after the campaign's last day (day 2, 2027-01-12): not sent"), last.reason());
        assertTrue(last.reason().contains("SchedulePolicy row 'Q01 default'"), last.reason());
        assertTrue(last.reason().startsWith("静默时段顺延至 2027-01-13T08:00"), last.reason());
        // A hold that stays inside the campaign is still a hold.
        assertEquals(StepState.PENDING, only(plan, "first-night-post").state());
        assertEquals("2027-01-12T08:00", only(plan, "first-night-post").localDue().toString());
        // Member steps too: joined on the last day at 21:00, the 23:30 step would be held to the 13th.
        List<PlannedStep> member = TimelinePlanner.planMember(t, policy(t), start, SHANGHAI, new UUID(1, 1),
                Instant.parse("2027-01-12T13:00:00Z"));
        assertEquals(StepState.SKIPPED, only(member, "m-night").state());
    }

    @Test
    void everyShippedTemplateParsesAndEndsInsideItsPhases() throws Exception {
        for (String id : List.of("conversion-camp-30d", "training-camp-journey", "newcomer-7d",
                "checkin-challenge-21d", "daily-rhythm", "lead-group-48h")) {
            Template t = builtIn(id);
            assertEquals(id, t.id());
            List<PlannedStep> plan = TimelinePlanner.planGroup(t, policy(t), LocalDate.of(2026, 8, 21), SHANGHAI);
            int last = TimelinePlanner.length(t);
            assertTrue(plan.stream().allMatch(p -> p.day() >= 1 && p.day() <= last + 1), id);
        }
        Template challenge = builtIn("checkin-challenge-21d");
        List<PlannedStep> plan = TimelinePlanner.planGroup(challenge, policy(challenge), LocalDate.of(2026, 8, 21), SHANGHAI);
        assertEquals(List.of(7, 14, 21), plan.stream().filter(p -> p.stepId().startsWith("milestone-"))
                .map(PlannedStep::day).toList());
        assertEquals(22, only(plan, "group-ends").day());
        assertEquals("NEXT_COHORT", only(plan, "next-cohort-invite").phase());
    }

    private static PlannedStep only(List<PlannedStep> plan, String stepId) {
        List<PlannedStep> found = plan.stream().filter(p -> p.stepId().equals(stepId)).toList();
        assertEquals(1, found.size(), stepId);
        return found.get(0);
    }

    private static Instant due(List<PlannedStep> plan, String stepId, int occurrence) {
        return plan.stream().filter(p -> p.stepId().equals(stepId) && p.occurrence() == occurrence).findFirst()
                .orElseThrow().dueAt();
    }
}
