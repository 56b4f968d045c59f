package io.qunyun.campaign.campaign;

import static io.qunyun.campaign.campaign.CampaignTestSupport.group;
import static io.qunyun.campaign.campaign.CampaignTestSupport.setClock;
import static io.qunyun.campaign.campaign.CampaignTestSupport.start;
import static io.qunyun.campaign.campaign.CampaignTestSupport.timeline;
import static io.qunyun.campaign.campaign.CampaignTestSupport.walkTimeline;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.campaign.campaign.CampaignTestSupport.FakeGroup;
import io.qunyun.campaign.member.MemberClient;
import io.qunyun.campaign.rules.RulesClient;
import io.restassured.http.ContentType;

/**
 * Issue 23 item 7: a step that quiet hours would hold past the campaign's last day is skipped with the
 * reason when planned, so the dry run and the real run agree and a COMPLETED campaign has no open row.
 */
@QuarkusTest
@TestSecurity(user = "test", roles = "admin")
class HeldPastLastDayTest {

    @InjectMock
    @RestClient
    MemberClient members;

    @InjectMock
    @RestClient
    RulesClient rules;

    static final Map<UUID, FakeGroup> GROUPS = new java.util.concurrent.ConcurrentHashMap<>();

    static final String TEMPLATE = """
            id: held-past-last-day
            title: Held past the last day (test)
            reentry: NONE
            phases:
              - {name: ONLY, fromDay: 1, toDay: 1}
            steps:
              - {id: morning-post, day: 1, at: "09:00", action: GROUP_POST, audience: {all: true},
                 content: test/morning, ownerRole: OWNER, quietHours: HOLD, staleness: PT1H}
              - {id: night-post, day: 1, at: "23:30", action: GROUP_POST, audience: {all: true},
                 content: test/night, ownerRole: OWNER, quietHours: HOLD, staleness: PT1H}
              - {id: night-chat, day: 1, at: "23:30", action: ONE_TO_ONE_TASK, audience: {all: true},
                 content: test/night-chat, ownerRole: STEWARD, quietHours: HOLD, staleness: PT1H}
            """;

    @BeforeEach
    void mocks() {
        CampaignTestSupport.answerLikeTheTables(rules, members, GROUPS);
    }

    @Test
    void heldPastTheEndIsSkippedWithTheReasonInTheDryRunAndTheRealRun() {
        given().contentType("application/yaml").body(TEMPLATE.getBytes(StandardCharsets.UTF_8)).post("/templates")
                .then().statusCode(201);
        setClock(Instant.parse("2027-02-01T00:00:00Z"));
        String groupId = group("Asia/Shanghai");
        GROUPS.put(UUID.fromString(groupId), FakeGroup.of(groupId, 4));

        List<Map<String, Object>> dry = given().contentType(ContentType.JSON).body(Map.of("templateId",
                "held-past-last-day", "groupId", groupId, "startDate", "2027-02-02"))
                .post("/campaigns/dry-run").then().statusCode(200).extract().path("items");
        Map<String, Map<String, Object>> dryByStep = dry.stream().filter(i -> "STEP".equals(i.get("kind")))
                .collect(Collectors.toMap(i -> (String) i.get("stepId"), i -> i));
        for (String held : List.of("night-post", "night-chat")) {
            assertEquals("SKIPPED", dryByStep.get(held).get("state"), held);
            assertTrue(((String) dryByStep.get(held).get("reason")).contains("after the campaign's last day (day 1, "
                    + "2027-02-02): not sent"), (String) dryByStep.get(held).get("reason"));
        }
        assertEquals("DONE", dryByStep.get("morning-post").get("state"));

        String campaignId = start("held-past-last-day", groupId, "2027-02-02");
        walkTimeline(campaignId);
        setClock(Instant.parse("2027-02-04T00:00:00Z"));
        assertEquals("COMPLETED", given().get("/campaigns/{id}", campaignId).then().statusCode(200).extract()
                .path("state"));
        List<Map<String, Object>> real = timeline(campaignId, true);
        assertEquals(0, real.stream().filter(r -> "PENDING".equals(r.get("state"))).count(), "nothing left open");
        Set<String> dryRows = dry.stream().filter(i -> "STEP".equals(i.get("kind")))
                .map(i -> i.get("stepId") + "#" + i.get("state") + "#" + i.get("dueAt") + "#" + i.get("reason"))
                .collect(Collectors.toSet());
        Set<String> realRows = real.stream().filter(r -> "STEP".equals(r.get("kind")))
                .map(r -> r.get("stepId") + "#" + r.get("state") + "#" + r.get("dueAt") + "#" + r.get("reason"))
                .collect(Collectors.toSet());
        assertEquals(dryRows, realRows, "the dry run says what the run did");
        assertEquals(0, CampaignTestSupport.tasks(campaignId).size(), "no task for a skipped 1:1 step");
    }
}
