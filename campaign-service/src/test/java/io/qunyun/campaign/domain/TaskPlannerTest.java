package io.qunyun.campaign.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.qunyun.campaign.domain.campaign.SchedulePolicy;
import io.qunyun.campaign.domain.campaign.TaskPlanner;
import io.qunyun.campaign.domain.campaign.TaskPlanner.PlannedTask;
import io.qunyun.campaign.domain.template.Template;
import io.qunyun.campaign.domain.template.Template.Step;
import io.qunyun.campaign.domain.MemberAudiences.AudienceMember;

/** Who gets a 1:1 task, as the SchedulePolicy decided: layers, the active part of the influence layer, caps, limits. */
class TaskPlannerTest {

    static final Instant DUE = Instant.parse("2026-09-01T02:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Step CHAT = new Step("chat", 1, null, null, null, LocalTime.of(10, 0), null,
            new Template.Audience(true, null, null, null, null, null, null, null), Template.Action.ONE_TO_ONE_TASK,
            "c/chat", "STEWARD", Template.QuietMode.HOLD, java.time.Duration.ofHours(6), null, null);

    static SchedulePolicy policy(Integer influenceWithin, int cap, SchedulePolicy.CapMode mode, Integer monthly) {
        return new SchedulePolicy(new SchedulePolicy.QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0)), cap, mode,
                120, monthly, List.of("CORE", "INFLUENCE"), influenceWithin, "Q01 default", "sha256:t", List.of("Q01 default"));
    }

    static AudienceMember member(int n, String layer, Instant lastActivity) {
        return new AudienceMember(new UUID(1, n), new UUID(2, n), new UUID(3, 1), List.of(), false, layer, "FAMILIAR",
                "ACTIVE", null, null, lastActivity, null);
    }

    static final AudienceMember STEWARD = new AudienceMember(new UUID(1, 99), new UUID(2, 99), new UUID(3, 1),
            List.of("STEWARD"), true, "CORE", "FAMILIAR", "ACTIVE", null, null, null, null);

    List<PlannedTask> plan(SchedulePolicy policy, List<AudienceMember> page) {
        return TaskPlanner.plan(policy, CHAT, DUE, SHANGHAI, page, List.of(STEWARD), new HashMap<>(), new HashMap<>());
    }

    @Test
    void servesTheCoreAndOnlyTheRecentlyActivePartOfTheInfluenceLayer() {
        List<AudienceMember> page = List.of(member(1, "CORE", null),
                member(2, "INFLUENCE", DUE.minus(3, ChronoUnit.DAYS)),
                member(3, "INFLUENCE", DUE.minus(15, ChronoUnit.DAYS)),
                member(4, "INFLUENCE", null),
                member(5, "INFLUENCE", DUE.minus(14, ChronoUnit.DAYS)));
        assertEquals(List.of(new UUID(2, 1), new UUID(2, 2), new UUID(2, 5)),
                plan(policy(14, 2, SchedulePolicy.CapMode.DEFER, 30), page).stream().map(PlannedTask::memberId).toList());
        assertEquals(5, plan(policy(null, 2, SchedulePolicy.CapMode.DEFER, 30), page).size(), "no window: the whole layer");
        assertTrue(plan(policy(14, 2, SchedulePolicy.CapMode.DEFER, 30), page).stream()
                .allMatch(t -> t.assigneeId().equals(STEWARD.memberId())));
    }

    @Test
    void capsAndMonthlyLimitsNameTheDecidingRow() {
        AudienceMember m = member(1, "CORE", null);
        HashMap<UUID, Integer> day = new HashMap<>(java.util.Map.of(m.memberId(), 1));
        PlannedTask deferred = TaskPlanner.plan(policy(14, 1, SchedulePolicy.CapMode.DEFER, 30), CHAT, DUE, SHANGHAI,
                List.of(m), List.of(STEWARD), day, new HashMap<>()).get(0);
        assertEquals("OPEN", deferred.status());
        assertEquals(DUE.plus(1, ChronoUnit.DAYS), deferred.dueAt());
        assertTrue(deferred.reason().contains("SchedulePolicy row 'Q01 default'"), deferred.reason());
        PlannedTask skipped = TaskPlanner.plan(policy(14, 5, SchedulePolicy.CapMode.DEFER, 4), CHAT, DUE, SHANGHAI,
                List.of(m), List.of(STEWARD), new HashMap<>(), new HashMap<>(java.util.Map.of(m.memberId(), 4))).get(0);
        assertEquals("SKIPPED", skipped.status());
        assertTrue(skipped.reason().startsWith("platform limit: 4 1:1 touches this month"), skipped.reason());
        PlannedTask unlimited = TaskPlanner.plan(policy(14, 5, SchedulePolicy.CapMode.DEFER, null), CHAT, DUE, SHANGHAI,
                List.of(m), List.of(STEWARD), new HashMap<>(), new HashMap<>(java.util.Map.of(m.memberId(), 400))).get(0);
        assertEquals("OPEN", unlimited.status(), "no monthly limit in the row: none applies");
    }
}
