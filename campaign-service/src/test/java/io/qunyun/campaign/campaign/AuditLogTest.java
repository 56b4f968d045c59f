package io.qunyun.campaign.campaign;

import static io.qunyun.campaign.campaign.CampaignTestSupport.advance;
import static io.qunyun.campaign.campaign.CampaignTestSupport.group;
import static io.qunyun.campaign.campaign.CampaignTestSupport.setClock;
import static io.qunyun.campaign.campaign.CampaignTestSupport.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.platform.audit.Actor;
import io.qunyun.campaign.domain.campaign.CampaignService;
import io.qunyun.campaign.domain.lifecycle.GroupLifecycle;
import io.qunyun.campaign.domain.lifecycle.GroupLifecycle.HealthDecision;
import io.qunyun.campaign.member.MemberClient;
import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.member.MembershipClient;
import io.qunyun.campaign.member.MembershipClient.Closure;
import io.qunyun.campaign.member.MembershipClient.ClosureRequest;
import io.qunyun.campaign.rules.RulesClient;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HDecision;
import io.qunyun.campaign.domain.CampaignRules.Finding;
import io.qunyun.campaign.domain.CampaignRules.PositioningDecision;
import io.restassured.http.ContentType;

/**
 * Groups, campaigns, templates and the lifecycle each write exactly one entry per action with the caller (or the
 * system and its cause); refused requests write none. What every service's audit log does alike (transactions,
 * append-only table, filters, pages, admins only) is AuditContractTest (platform-testkit AuditLogContract).
 */
@QuarkusTest
@TestSecurity(user = "audit-test", roles = "admin")
class AuditLogTest {

    static final String ACTOR = "audit-test";

    @InjectMock
    @RestClient
    RulesClient rules;

    @InjectMock
    @RestClient
    MemberClient members;

    @InjectMock
    @RestClient
    MembershipClient memberships;

    @Inject
    CampaignService campaigns;

    @Inject
    GroupLifecycle lifecycle;

    @BeforeEach
    void mocks() {
        when(rules.positioning(any())).thenReturn(new PositioningDecision("CONVERSION", 720, "HIGH", "TRANSACTION",
                "GroupPositioning", "sha256:camp", List.of("P02 camp")));
        when(rules.fiveW1H(any())).thenReturn(new FiveW1HDecision(false, List.of(), "FiveW1H", "sha256:bb", List.of()));
        when(rules.schedulePolicy(any())).thenAnswer(inv -> CampaignTestSupport.schedulePolicy(inv.getArgument(0)));
        when(members.query(any())).thenReturn(new AudiencePage(List.of(), null));
        when(memberships.close(any(), any())).thenAnswer(inv -> new Closure(inv.getArgument(0),
                ((ClosureRequest) inv.getArgument(1)).kind(), 3, List.of()));
    }

    @Test
    void groupsAreRecordedWhenCreatedAndWhenSomethingChanged() {
        String groupId = group("Asia/Shanghai");
        Map<String, Object> created = only(entries("targetId", groupId));
        assertEquals("group.created", created.get("action"));
        assertEquals("group", created.get("targetType"));
        assertEquals(ACTOR, created.get("actor"));
        assertEquals(List.of("admin"), created.get("actorRoles"));
        assertNull(created.get("cause"));
        assertEquals("CONVERSION", detail(created).get("type"));
        assertEquals("sha256:camp", detail(created).get("positioningTableVersion"));

        patch(groupId, "{\"name\": \"训练营 #8\"}").statusCode(200);
        patch(groupId, "{\"name\": \"训练营 #8\"}").statusCode(200);
        long newest = newestOf(ACTOR);
        patch(groupId, "{\"timeZone\": \"+08:00\"}").statusCode(400);
        assertEquals(newest, newestOf(ACTOR), "a refused change writes no entry");
        List<Map<String, Object>> entries = entries("targetId", groupId);
        assertEquals(List.of("group.updated", "group.created"), actions(entries), "the same name again changes nothing");
        assertEquals(List.of("30天训练营 #7", "训练营 #8"), detail(entries.get(0)).get("name"));

        String successor = group("Asia/Shanghai");
        given().contentType(ContentType.JSON).body(Map.of("successorGroupId", successor))
                .put("/groups/{id}/successor", groupId).then().statusCode(200);
        given().delete("/groups/{id}/successor", groupId).then().statusCode(200);
        entries = entries("targetId", groupId);
        assertEquals(List.of("group.successor-unlinked", "group.successor-linked", "group.updated", "group.created"),
                actions(entries));
        assertEquals(successor, detail(entries.get(1)).get("successorGroupId"));

        when(rules.fiveW1H(any())).thenReturn(new FiveW1HDecision(true,
                List.of(new Finding("BLOCK", "NO_LIFECYCLE", "没有生命周期 / no lifecycle", "F01")), "FiveW1H", "sha256:bb",
                List.of("F01")));
        newest = newestOf(ACTOR);
        given().contentType(ContentType.JSON).body("""
                {"name": "blocked", "platform": "WECOM", "aidass": {"from": "DESIRE", "to": "ACTION"},
                 "fiveW1H": {"why": "convert", "what": "camp", "who": "parents", "how": "IN_GROUP_CONVERSION"}}""")
                .post("/groups").then().statusCode(422);
        assertEquals(newest, newestOf(ACTOR), "a blocked group writes no entry");
    }

    @Test
    void campaignsAreRecordedStartedPausedResumedCancelled() {
        setClock(Instant.parse("2026-09-01T02:00:00Z"));
        String groupId = group("Asia/Shanghai");
        String campaignId = start("daily-rhythm", groupId, "2026-09-02");
        Map<String, Object> started = only(entries("targetId", campaignId));
        assertEquals("campaign.started", started.get("action"));
        assertEquals("daily-rhythm", detail(started).get("templateId"));
        assertEquals(List.of(groupId), detail(started).get("groupIds"));
        assertEquals("2026-09-02", detail(started).get("startDate"));

        given().post("/campaigns/{id}/pause", campaignId).then().statusCode(200);
        long newest = newestOf(ACTOR);
        given().post("/campaigns/{id}/pause", campaignId).then().statusCode(409);
        assertEquals(newest, newestOf(ACTOR), "a refused pause writes no entry");
        given().post("/campaigns/{id}/resume", campaignId).then().statusCode(200);
        given().post("/campaigns/{id}/cancel", campaignId).then().statusCode(200);
        assertEquals(List.of("campaign.cancelled", "campaign.resumed", "campaign.paused", "campaign.started"),
                actions(entries("targetId", campaignId)));
        entries("targetId", campaignId).forEach(e -> assertEquals(ACTOR, e.get("actor")));

        newest = newestOf(ACTOR);
        given().contentType(ContentType.JSON).body("""
                {"templateId": "no-such-template", "groupIds": ["%s"], "startDate": "2026-09-02",
                 "northStar": {"metric": "paid_conversion_rate", "target": 0.1}}""".formatted(groupId))
                .post("/campaigns").then().statusCode(400);
        assertEquals(newest, newestOf(ACTOR), "a refused start writes no entry");
    }

    @Test
    void aTemplateVersionIsRecordedWhenFirstUploaded() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/templates/caps-and-quiet-hours.yaml").readAllBytes(),
                StandardCharsets.UTF_8).replace("title: Caps and quiet hours (test)", "title: Audit " + UUID.randomUUID());
        String version = upload(yaml).statusCode(201).extract().path("version");
        upload(yaml).statusCode(201).body("version", equalTo(version));
        List<Map<String, Object>> uploaded = entries("action", "template.uploaded", "targetId", "caps-and-quiet-hours").stream()
                .filter(e -> version.equals(detail(e).get("version"))).toList();
        assertEquals(ACTOR, only(uploaded).get("actor"));
        assertEquals("template", uploaded.get(0).get("targetType"));

        long newest = newestOf(ACTOR);
        upload(yaml.replace("at: \"09:00\"", "at: \"25:00\"")).statusCode(400);
        assertEquals(newest, newestOf(ACTOR), "an invalid template writes no entry");
        // the built-in templates were stored at startup by the service itself
        Map<String, Object> released = entries("action", "template.released", "targetId", "daily-rhythm").get(0);
        assertEquals(Actor.SYSTEM, released.get("actor"));
        assertEquals("startup:built-in templates", released.get("cause"));
    }

    @Test
    void aDissolutionOnAGroupHealthDecisionIsTheSystemsAndSoIsItsEnd() {
        setClock(Instant.parse("2026-09-10T02:00:00Z"));
        String groupId = group("Asia/Shanghai");
        String decisionId = "health-" + UUID.randomUUID();
        HealthDecision dissolve = new HealthDecision(decisionId, UUID.fromString(groupId), "DISSOLVE", null,
                "安静了四周 / quiet for four weeks", false, "H07 dissolve", List.of("H07 dissolve"), "GroupHealth",
                "sha256:health");
        assertTrue(lifecycle.onHealthDecision(dissolve).isPresent());
        assertTrue(lifecycle.onHealthDecision(dissolve).isEmpty(), "a redelivered decision changes nothing");

        Map<String, Object> started = only(entries("targetId", groupId, "action", "group.dissolution-started"));
        assertEquals(Actor.SYSTEM, started.get("actor"));
        assertEquals(List.of(), started.get("actorRoles"));
        assertEquals("consumer:group-health-decisions", started.get("cause"));
        assertEquals(decisionId, detail(started).get("decisionId"));
        assertEquals("sha256:health", detail(started).get("tableVersion"));
        assertEquals("DISSOLVING", detail(started).get("state"));

        // after the goodbye grace the lifecycle job closes the memberships (member-service mocked: 3 ended); the
        // job runs right after the clock moved, and once more here in case another test's leftovers stopped that run
        advance("PT25H");
        lifecycle.finish(UUID.fromString((String) detail(started).get("lifecycleActionId")),
                (group, kind, reason, successor, ids) -> memberships.close(group, new ClosureRequest(kind, reason, successor, ids)).ended());
        Map<String, Object> dissolved = only(entries("targetId", groupId, "action", "group.dissolved"));
        assertEquals("scheduler:group-lifecycle", dissolved.get("cause"));
        assertEquals(3, detail(dissolved).get("membershipsEnded"));
        assertEquals("GROUP_DISSOLVED", detail(dissolved).get("exitKind"));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static io.restassured.response.ValidatableResponse patch(String groupId, String body) {
        return given().contentType(ContentType.JSON).body(body).patch("/groups/{id}", groupId).then();
    }

    private static io.restassured.response.ValidatableResponse upload(String yaml) {
        return given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).post("/templates").then();
    }

    private static List<Map<String, Object>> entries(String... filters) {
        var request = given();
        for (int i = 0; i < filters.length; i += 2) {
            request.queryParam(filters[i], filters[i + 1]);
        }
        return request.get("/audit").then().statusCode(200).extract().path("items");
    }

    private static List<Object> actions(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> e.get("action")).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries) {
        assertEquals(1, entries.size(), "exactly one entry: " + entries);
        return entries.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("detail");
    }

    /** The id of the actor's newest entry (0 when none): unchanged means nothing was written for them. */
    private static long newestOf(String actor) {
        List<Map<String, Object>> newest = entries("actor", actor, "limit", "1");
        return newest.isEmpty() ? 0 : ((Number) newest.get(0).get("id")).longValue();
    }

}
