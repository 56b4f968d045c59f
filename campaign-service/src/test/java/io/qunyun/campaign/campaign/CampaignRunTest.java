package io.qunyun.campaign.campaign;

import static io.qunyun.campaign.campaign.CampaignTestSupport.advance;
import static io.qunyun.campaign.campaign.CampaignTestSupport.group;
import static io.qunyun.campaign.campaign.CampaignTestSupport.setClock;
import static io.qunyun.campaign.campaign.CampaignTestSupport.start;
import static io.qunyun.campaign.campaign.CampaignTestSupport.tasks;
import static io.qunyun.campaign.campaign.CampaignTestSupport.timeline;
import static io.qunyun.campaign.campaign.CampaignTestSupport.walkTimeline;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.campaign.campaign.CampaignTestSupport.FakeGroup;
import io.qunyun.campaign.member.MemberClient;
import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.domain.MemberAudiences.AudienceQuery;
import io.qunyun.campaign.rules.RulesClient;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HDecision;
import io.qunyun.campaign.domain.CampaignRules.PositioningDecision;
import io.qunyun.campaign.domain.CampaignRules.TouchDecision;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Campaigns on the virtual clock with member-service and rules-service mocked (their real
 * exchange is PlatformIT's): the 30-day camp end to end, downtime catch-up, pause/resume,
 * quiet hours, caps and limits, dry run equal to the real run.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class CampaignRunTest {

    @InjectMock
    @RestClient
    MemberClient members;

    @InjectMock
    @RestClient
    RulesClient rules;

    @Inject
    ObjectMapper json;

    static final Map<UUID, FakeGroup> GROUPS = new ConcurrentHashMap<>();

    @BeforeEach
    void mocks() {
        when(rules.positioning(any())).thenReturn(new PositioningDecision("CONVERSION", 720, "HIGH", "CONVERSION",
                "GroupPositioning", "sha256:aa", List.of("P02")));
        when(rules.fiveW1H(any())).thenReturn(new FiveW1HDecision(false, List.of(), "FiveW1H", "sha256:bb",
                List.of()));
        when(rules.touch(any())).thenAnswer(inv -> {
            io.qunyun.campaign.domain.CampaignRules.TouchQuestion q = inv.getArgument(0);
            return new TouchDecision("chat about " + q.stage(), "ONE_ON_ONE_CHAT", "STEWARD", "HIGH", "S03",
                    "TouchStrategy", "sha256:cc");
        });
        when(rules.schedulePolicy(any())).thenAnswer(inv -> CampaignTestSupport.schedulePolicy(inv.getArgument(0)));
        when(members.query(any())).thenAnswer(inv -> {
            AudienceQuery q = inv.getArgument(0);
            FakeGroup g = GROUPS.get(q.groupIds().get(0));
            return g == null ? new AudiencePage(List.of(), null) : g.answer(q);
        });
    }

    String fakeGroup(String zone, int size) {
        String id = group(zone);
        GROUPS.put(UUID.fromString(id), FakeGroup.of(id, size));
        return id;
    }

    @Test
    void thirtyDayCampRunsOnTheVirtualClockWithPhasesTouchesAndTasks() throws Exception {
        setClock(Instant.parse("2026-08-20T02:00:00Z"));
        String groupId = fakeGroup("Asia/Shanghai", 40);
        String campaignId;
        List<JsonNode> phases;
        try (KafkaCompanion kafka = CampaignTestSupport.kafka()) {
            ConsumerTask<String, String> phaseEvents = kafka.consumeStrings()
                    .fromTopics("campaign-phase-changed", r -> r.filter(x -> groupId.equals(x.key())));
            ConsumerTask<String, String> touchEvents = kafka.consumeStrings()
                    .fromTopics("touch-due", r -> r.filter(x -> groupId.equals(x.key())));
            campaignId = start("conversion-camp-30d", groupId, "2026-08-21");
            given().get("/campaigns/{id}", campaignId).then().statusCode(200)
                    .body("state", equalTo("SCHEDULED")).body("day", equalTo(0)).body("days", equalTo(33));

            walkTimeline(campaignId);

            phaseEvents.awaitRecords(6, Duration.ofSeconds(30));
            phases = phaseEvents.getRecords().stream().map(r -> read(r.value())).toList();
            List<Map<String, Object>> rows = timeline(campaignId, false);
            long touchRows = rows.stream().filter(r -> "STEP".equals(r.get("kind"))
                    && !"ONE_TO_ONE_TASK".equals(r.get("action"))).count();
            touchEvents.awaitRecords((int) touchRows, Duration.ofSeconds(30));
            Thread.sleep(500); // nothing more arrives
            assertEquals(touchRows, touchEvents.count(), "one touch-due per touch step, none twice");
            phaseEvents.stop();
            touchEvents.stop();
        }
        assertEquals(List.of("WARM_UP", "BUILD_UP", "CLIMAX", "WRAP_UP", "GRACE", "ENDED"),
                phases.stream().map(p -> p.at("/data/phase").asText()).toList());
        assertEquals(List.of(1, 8, 17, 25, 31, 34), phases.stream().map(p -> p.at("/data/day").asInt()).toList());
        assertTrue(phases.get(0).at("/data/previousPhase").isNull());
        assertEquals("CLIMAX", phases.get(3).at("/data/previousPhase").asText());
        assertEquals("2026-09-05T16:00:00Z", phases.get(2).at("/data/occurredAt").asText());

        given().get("/campaigns/{id}", campaignId).then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("phase", equalTo("ENDED"))
                .body("groups[0].timeZone", equalTo("Asia/Shanghai"));
        List<Map<String, Object>> rows = timeline(campaignId, false);
        assertEquals(Set.of("DONE"), rows.stream().map(r -> (String) r.get("state")).collect(Collectors.toSet()),
                "every row fired on time");
        Map<String, Object> kol = rows.stream().filter(r -> "kol-sharing-session".equals(r.get("stepId")))
                .findFirst().orElseThrow();
        assertEquals("2026-09-06T12:00:00Z", kol.get("dueAt"));
        assertEquals("2026-09-06T20:00", kol.get("dueLocal"));

        // 1:1 tasks name members of the layers operators serve, assigned to the staff playing the role.
        List<Map<String, Object>> tasks = tasks(campaignId);
        List<Map<String, Object>> trust = tasks.stream().filter(t -> "first-trust-chat".equals(t.get("stepId")))
                .toList();
        assertEquals(20, trust.size(), "CORE and INFLUENCE members of 40: every second one");
        assertTrue(trust.stream().allMatch(t -> new UUID(8, 1).toString().equals(t.get("assigneeId"))),
                "the STEWARD staff member");
        assertEquals("ONE_ON_ONE_CHAT", ((Map<?, ?>) trust.get(0).get("tactic")).get("channel"));
        List<Map<String, Object>> offer = tasks.stream().filter(t -> "offer-chat".equals(t.get("stepId"))).toList();
        assertTrue(offer.stream().allMatch(t -> new UUID(8, 2).toString().equals(t.get("assigneeId"))),
                "the PRE_SALES staff member");
        // Each (step row, member) once.
        assertEquals(tasks.size(), tasks.stream().map(t -> t.get("stepId") + "/" + t.get("occurrence") + "/"
                + t.get("memberId")).distinct().count());

        // Operators work the list.
        String taskId = (String) trust.get(0).get("id");
        given().post("/tasks/{id}/complete", taskId).then().statusCode(200).body("status", equalTo("DONE"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "member asked for no calls"))
                .post("/tasks/{id}/skip", trust.get(1).get("id")).then().statusCode(200)
                .body("status", equalTo("SKIPPED")).body("reason", equalTo("member asked for no calls"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/tasks/{id}/skip", taskId).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/tasks/{id}/skip", trust.get(2).get("id")).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
        given().queryParam("assigneeId", new UUID(8, 1).toString()).queryParam("status", "DONE")
                .queryParam("campaignId", campaignId).get("/tasks").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(taskId));
    }

    @Test
    void afterDowntimeOnlyStepsYoungerThanTheirStalenessRunAndMissedSlotsCollapse() {
        setClock(Instant.parse("2026-10-01T00:00:00Z"));
        String groupId = fakeGroup("Asia/Shanghai", 4);
        String campaignId = start("daily-rhythm", groupId, "2026-10-02");
        // Day 1 runs normally.
        setClock(Instant.parse("2026-10-02T00:00:00Z")); // 08:00 local
        setClock(Instant.parse("2026-10-02T03:00:00Z")); // 11:00
        // Down from 11:00 on day 1 until 13:30 on day 3.
        setClock(Instant.parse("2026-10-04T05:30:00Z"));
        Map<String, Map<String, Object>> rows = timeline(campaignId, false).stream()
                .filter(r -> "STEP".equals(r.get("kind")))
                .collect(Collectors.toMap(r -> r.get("stepId") + "#" + r.get("occurrence"), r -> r));
        assertEquals("DONE", rows.get("morning-news#1").get("state"));
        assertEquals("DONE", rows.get("product-or-feedback#1").get("state"));
        // light-topic (staleness 3h): day 1 and 2 superseded by day 3 13:00, which runs 30 min late.
        assertEquals("EXPIRED", rows.get("light-topic#1").get("state"));
        assertTrue(((String) rows.get("light-topic#2").get("reason")).startsWith("superseded by the occurrence 3"));
        assertEquals("LATE", rows.get("light-topic#3").get("state"));
        // morning-news day 3 08:00 is 5.5 h old: beyond its 1 h staleness, expired with the reason.
        assertEquals("EXPIRED", rows.get("morning-news#3").get("state"));
        assertTrue(((String) rows.get("morning-news#3").get("reason")).contains("older than its staleness window PT1H"),
                (String) rows.get("morning-news#3").get("reason"));
        assertEquals("EXPIRED", rows.get("interaction#2").get("state"));
        assertEquals("PENDING", rows.get("interaction#3").get("state"));
        long fired = rows.values().stream().filter(r -> Set.of("DONE", "LATE").contains(r.get("state"))).count();
        assertEquals(3, fired, "two slots of day 1 and one catch-up: no burst");
        given().post("/campaigns/{id}/cancel", campaignId).then().statusCode(200).body("state", equalTo("CANCELLED"));
        assertTrue(timeline(campaignId, false).stream().noneMatch(r -> "PENDING".equals(r.get("state"))));
    }

    @Test
    void pausedCampaignFiresNothingAndResumesLateWithinStaleness() {
        setClock(Instant.parse("2026-12-01T00:00:00Z"));
        String groupId = fakeGroup("Europe/Berlin", 4);
        String campaignId = start("conversion-camp-30d", groupId, "2026-12-02");
        setClock(Instant.parse("2026-12-02T18:00:00Z")); // 19:00 Berlin, day 1
        given().post("/campaigns/{id}/pause", campaignId).then().statusCode(200).body("state", equalTo("PAUSED"));
        given().post("/campaigns/{id}/pause", campaignId).then().statusCode(409);
        setClock(Instant.parse("2026-12-02T20:30:00Z")); // opening ceremony was due 19:00Z (20:00 Berlin)
        Map<String, Object> opening = row(campaignId, "opening-ceremony", 1);
        assertEquals("PENDING", opening.get("state"));
        given().post("/campaigns/{id}/resume", campaignId).then().statusCode(200).body("state", equalTo("RUNNING"));
        advance("PT0S");
        opening = row(campaignId, "opening-ceremony", 1);
        assertEquals("LATE", opening.get("state"));
        assertEquals("2026-12-02T20:30:00Z", opening.get("firedAt"));
        given().post("/campaigns/{id}/resume", campaignId).then().statusCode(409);
        given().post("/campaigns/{id}/cancel", campaignId).then().statusCode(200);
    }

    @Test
    void dryRunShowsHoldsSkipsCapsAndLimitsAndEqualsWhatTheRealRunCreates() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/templates/caps-and-quiet-hours.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        given().contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/templates").then().statusCode(201);
        setClock(Instant.parse("2027-01-10T00:00:00Z"));
        String groupId = fakeGroup("Asia/Shanghai", 12);

        var dry = given().contentType(ContentType.JSON).body(Map.of("templateId", "caps-and-quiet-hours",
                "groupId", groupId, "startDate", "2027-01-11"))
                .post("/campaigns/dry-run").then().statusCode(200).extract();
        List<Map<String, Object>> items = dry.path("items");
        Map<String, Map<String, Object>> byStep = items.stream().filter(i -> "STEP".equals(i.get("kind")))
                .collect(Collectors.toMap(i -> i.get("stepId") + "#" + i.get("occurrence"), i -> i));
        assertEquals("SKIPPED", byStep.get("late-night-post#1").get("state"));
        assertTrue(((String) byStep.get("held-chat#1").get("reason")).startsWith("held by quiet hours"));
        assertEquals("2027-01-12T08:00", byStep.get("held-chat#1").get("localDue"));
        assertEquals("SKIPPED", byStep.get("second-post#1").get("state"), "groupPostsPerMonth 1");
        List<Map<String, Object>> second = tasksOf(byStep.get("second-chat#1"));
        assertTrue(second.stream().allMatch(t -> ((String) t.get("reason")).startsWith("deferred from 2027-01-11")),
                "cap 1 per day, DEFER");
        // The run writes nothing: no campaign, no tasks for this group.
        assertEquals(0, tasks(null).stream().filter(t -> groupId.equals(t.get("groupId"))).count());

        String campaignId = start("caps-and-quiet-hours", groupId, "2027-01-11");
        walkTimeline(campaignId);

        Set<String> dryRows = items.stream().filter(i -> "STEP".equals(i.get("kind")))
                .map(i -> i.get("stepId") + "#" + i.get("occurrence") + "#" + i.get("state") + "#" + i.get("dueAt"))
                .collect(Collectors.toSet());
        Set<String> realRows = timeline(campaignId, false).stream().filter(r -> "STEP".equals(r.get("kind")))
                .map(r -> r.get("stepId") + "#" + r.get("occurrence") + "#" + r.get("state") + "#" + r.get("dueAt"))
                .collect(Collectors.toSet());
        assertEquals(dryRows, realRows);
        Set<String> dryTasks = items.stream().flatMap(i -> tasksOf(i).stream().map(t -> i.get("stepId") + "#"
                + t.get("memberId") + "#" + t.get("assigneeId") + "#" + t.get("status") + "#" + t.get("dueAt")))
                .collect(Collectors.toSet());
        Set<String> realTasks = tasks(campaignId).stream().map(t -> t.get("stepId") + "#" + t.get("memberId") + "#"
                + t.get("assigneeId") + "#" + t.get("status") + "#" + t.get("dueAt")).collect(Collectors.toSet());
        assertEquals(dryTasks, realTasks);
        assertEquals(36, realTasks.size(), "three 1:1 steps × 12 members");
        assertEquals((int) dry.path("tasks"), realTasks.size());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tasksOf(Map<String, Object> item) {
        return (List<Map<String, Object>>) item.get("tasks");
    }

    private static Map<String, Object> row(String campaignId, String stepId, int occurrence) {
        return timeline(campaignId, false).stream()
                .filter(r -> stepId.equals(r.get("stepId")) && occurrence == (int) r.get("occurrence"))
                .findFirst().orElseThrow();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
