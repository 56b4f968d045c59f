package io.qunyun.campaign.campaign;

import static io.qunyun.campaign.campaign.CampaignTestSupport.group;
import static io.qunyun.campaign.campaign.CampaignTestSupport.setClock;
import static io.qunyun.campaign.campaign.CampaignTestSupport.start;
import static io.qunyun.campaign.campaign.CampaignTestSupport.tasks;
import static io.qunyun.campaign.campaign.CampaignTestSupport.timeline;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.campaign.campaign.CampaignTestSupport.FakeGroup;
import io.qunyun.campaign.member.MemberClient;
import io.qunyun.campaign.messaging.MembershipEventConsumer;
import io.qunyun.campaign.rules.RulesClient;

/**
 * Issue 23 item 8: under {@code reentry: RESUME} a member who leaves and comes back continues their
 * first plan (no step twice); leaving cancels their open tasks, due ones too; LATE rows say why.
 */
@QuarkusTest
@TestSecurity(user = "test", roles = "admin")
class MemberReentryTest {

    @InjectMock
    @RestClient
    MemberClient members;

    @InjectMock
    @RestClient
    RulesClient rules;

    @Inject
    MembershipEventConsumer consumer;

    @Inject
    ObjectMapper json;

    static final Map<UUID, FakeGroup> GROUPS = new java.util.concurrent.ConcurrentHashMap<>();

    static final String TEMPLATE = """
            id: resume-reentry-test
            title: RESUME re-entry (test)
            reentry: RESUME
            phases:
              - {name: ONLY, fromDay: 1, toDay: 5}
            steps:
              - {id: m-day0, eventDay: {event: JOINED, day: 0}, at: "10:00", action: ONE_TO_ONE_TASK,
                 audience: {all: true}, content: test/m-day0, ownerRole: STEWARD, quietHours: HOLD, staleness: PT12H}
              - {id: m-day2, eventDay: {event: JOINED, day: 2}, at: "10:00", action: ONE_TO_ONE_TASK,
                 audience: {all: true}, content: test/m-day2, ownerRole: STEWARD, quietHours: HOLD, staleness: PT12H}
            """;

    @BeforeEach
    void mocks() {
        CampaignTestSupport.answerLikeTheTables(rules, members, GROUPS);
    }

    @Test
    void aReturningMemberResumesTheFirstPlanAndLeavingCancelsDueTasks() {
        given().contentType("application/yaml").body(TEMPLATE.getBytes(StandardCharsets.UTF_8)).post("/templates")
                .then().statusCode(201);
        setClock(Instant.parse("2027-03-01T00:00:00Z"));
        String groupId = group("Asia/Shanghai");
        GROUPS.put(UUID.fromString(groupId), FakeGroup.of(groupId, 4));
        String campaignId = start("resume-reentry-test", groupId, "2027-03-01");
        String member = new UUID(2, 1).toString(); // the fake group's first member, CORE: served 1:1

        consume("joined", member, groupId, "2027-03-01T01:00:00Z", null); // 09:00 local, day 0 = 1 Mar
        setClock(Instant.parse("2027-03-01T02:00:00Z")); // m-day0 at 10:00 local: a task, due now
        List<Map<String, Object>> day0Tasks = memberTasks(campaignId, member, "m-day0");
        assertEquals(1, day0Tasks.size());
        assertEquals("OPEN", day0Tasks.get(0).get("status"));

        setClock(Instant.parse("2027-03-01T03:00:00Z"));
        consume("ended", member, groupId, "2027-03-01T01:00:00Z", "VOLUNTARY");
        Map<String, Object> dueTask = memberTasks(campaignId, member, "m-day0").get(0);
        assertEquals("CANCELLED", dueTask.get("status"), "a due task of an ended membership is not left OPEN");
        assertEquals("membership ended (VOLUNTARY)", dueTask.get("reason"));
        assertEquals("CANCELLED", row(campaignId, member, "m-day2").get("state"));

        // Back the next day: day 0 stays 1 Mar, so m-day0 is not planned again and m-day2 (3 Mar) is open again.
        setClock(Instant.parse("2027-03-02T01:00:00Z"));
        consume("joined", member, groupId, "2027-03-02T01:00:00Z", null);
        List<Map<String, Object>> rows = memberRows(campaignId, member);
        assertEquals(1, rows.stream().filter(r -> "m-day0".equals(r.get("stepId"))).count(), "m-day0 once: " + rows);
        assertEquals(1, rows.stream().filter(r -> "m-day2".equals(r.get("stepId"))).count(), "m-day2 once: " + rows);
        assertEquals("PENDING", row(campaignId, member, "m-day2").get("state"));
        assertEquals("2027-03-03T10:00", row(campaignId, member, "m-day2").get("dueLocal"));

        // m-day2 is reached 30 minutes late (downtime): LATE, and the row says why.
        setClock(Instant.parse("2027-03-03T02:30:00Z"));
        Map<String, Object> late = row(campaignId, member, "m-day2");
        assertEquals("LATE", late.get("state"));
        assertTrue(((String) late.get("reason")).contains("fired 30 min late: due 2027-03-03T10:00"),
                (String) late.get("reason"));
        List<Map<String, Object>> day2Tasks = memberTasks(campaignId, member, "m-day2");
        assertEquals(1, day2Tasks.size());
        assertEquals("OPEN", day2Tasks.get(0).get("status"));
        assertEquals(1, tasks(campaignId).stream().filter(t -> "OPEN".equals(t.get("status"))).count(),
                "one open task for the member, of the second membership");
    }

    private void consume(String verb, String memberId, String groupId, String joinedAt, String exitKind) {
        Map<String, Object> data = new java.util.LinkedHashMap<>(Map.of("membershipId", UUID.randomUUID().toString(),
                "memberId", memberId, "groupId", groupId, "roles", List.of(), "staff", false, "layer", "CORE",
                "stage", "CURIOUS", "activityState", "ACTIVE", "joinedAt", joinedAt, "occurredAt", joinedAt));
        if (exitKind != null) {
            data.put("exitKind", exitKind);
            data.put("endedAt", "2027-03-01T03:00:00Z");
        }
        try {
            consumer.consume(json.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                    "type", "io.qunyun.member.membership." + verb + ".v1", "source", "/member-service",
                    "time", joinedAt, "subject", groupId, "datacontenttype", "application/json", "data", data)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> memberRows(String campaignId, String memberId) {
        return timeline(campaignId, true).stream().filter(r -> memberId.equals(r.get("memberId"))).toList();
    }

    private static Map<String, Object> row(String campaignId, String memberId, String stepId) {
        return memberRows(campaignId, memberId).stream().filter(r -> stepId.equals(r.get("stepId"))).findFirst()
                .orElseThrow();
    }

    private static List<Map<String, Object>> memberTasks(String campaignId, String memberId, String stepId) {
        return tasks(campaignId).stream().filter(t -> memberId.equals(t.get("memberId")))
                .filter(t -> stepId.equals(t.get("stepId"))).toList();
    }
}
