package io.qunyun.campaign.campaign;

import static io.qunyun.campaign.campaign.CampaignTestSupport.group;
import static io.qunyun.campaign.campaign.CampaignTestSupport.setClock;
import static io.qunyun.campaign.campaign.CampaignTestSupport.start;
import static io.qunyun.campaign.campaign.CampaignTestSupport.timeline;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.campaign.member.MemberClient;
import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.persistence.Jdbc;
import io.qunyun.campaign.rules.RulesClient;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HDecision;
import io.qunyun.campaign.domain.CampaignRules.PositioningDecision;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The published events against their golden samples (docs/events.md), membership-events
 * consumption (leave cancels future member steps, duplicates, DLQ), and the REST validation of
 * groups, templates and campaigns.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class EventsAndRestTest {

    @InjectMock
    @RestClient
    MemberClient members;

    @InjectMock
    @RestClient
    RulesClient rules;

    @Inject
    ObjectMapper json;

    @Inject
    Jdbc jdbc;

    @BeforeEach
    void mocks() {
        when(rules.positioning(any())).thenReturn(new PositioningDecision("CONVERSION", 720, "HIGH", "CONVERSION",
                "GroupPositioning", "sha256:aa", List.of("P02")));
        when(rules.fiveW1H(any())).thenReturn(new FiveW1HDecision(false, List.of(), "FiveW1H", "sha256:bb",
                List.of()));
        when(rules.schedulePolicy(any())).thenAnswer(inv -> CampaignTestSupport.schedulePolicy(inv.getArgument(0)));
        when(members.query(any())).thenReturn(new AudiencePage(List.of(), null));
    }

    @Test
    void aCampaignTakesTheSchedulePolicyOfEachGroupAndRulesServiceDownStoresNothing() {
        setClock(Instant.parse("2026-08-20T02:00:00Z"));
        String groupId = group("Asia/Shanghai");
        String campaignId = start("conversion-camp-30d", groupId, "2026-08-21");
        given().get("/campaigns/{id}", campaignId).then().statusCode(200)
                .body("groups[0].schedulePolicy.decidedBy", equalTo("Q01 WeCom default"))
                .body("groups[0].schedulePolicy.tableVersion", equalTo("sha256:test"))
                .body("groups[0].schedulePolicy.quietHours.start", equalTo("22:00:00"))
                .body("groups[0].schedulePolicy.contactCapPerDay", equalTo(2));
        List<Map<String, Object>> held = timeline(campaignId, false).stream()
                .filter(r -> r.get("reason") != null && ((String) r.get("reason")).startsWith("held by quiet hours")).toList();
        held.forEach(r -> assertTrue(((String) r.get("reason")).contains("SchedulePolicy row 'Q01 WeCom default'"), r.toString()));

        org.mockito.Mockito.doThrow(new jakarta.ws.rs.ProcessingException("connection refused")).when(rules)
                .schedulePolicy(any());
        long before = count("campaign");
        given().contentType(io.restassured.http.ContentType.JSON).body("""
                {"templateId": "conversion-camp-30d", "groupIds": ["%s"], "startDate": "2026-08-21",
                 "northStar": {"metric": "paid_conversion_rate", "target": 0.1}}""".formatted(groupId))
                .post("/campaigns").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://qunyun.io/problems/rules-service-unavailable"));
        assertEquals(before, count("campaign"), "nothing stored while rules-service is down");
    }

    @Test
    void groupChangesArePublishedOnRegistrationAndOnEveryChange() throws Exception {
        setClock(Instant.parse("2026-08-20T02:00:00Z"));
        JsonNode golden = golden("group-changed");
        try (KafkaCompanion kafka = CampaignTestSupport.kafka()) {
            String groupId = group("Europe/Berlin");
            ConsumerTask<String, String> events = kafka.consumeStrings()
                    .fromTopics("group-changes", r -> r.filter(x -> groupId.equals(x.key())));
            given().contentType(ContentType.JSON).body(Map.of("timeZone", "Asia/Shanghai", "screeningRequired", true))
                    .patch("/groups/{id}", groupId).then().statusCode(200)
                    .body("timeZone", equalTo("Asia/Shanghai")).body("screeningRequired", equalTo(true));
            // The same values again change nothing and publish nothing.
            given().contentType(ContentType.JSON).body(Map.of("timeZone", "Asia/Shanghai"))
                    .patch("/groups/{id}", groupId).then().statusCode(200);
            events.awaitRecords(2, Duration.ofSeconds(30));
            Thread.sleep(1000);
            events.stop();
            assertEquals(2, events.count());
            JsonNode registered = json.readTree(events.getRecords().get(0).value());
            JsonNode changed = json.readTree(events.getRecords().get(1).value());
            sameShape(golden, registered);
            assertEquals("Europe/Berlin", registered.at("/data/timeZone").asText());
            assertEquals("Asia/Shanghai", changed.at("/data/timeZone").asText());
            assertTrue(changed.at("/data/screeningRequired").asBoolean());
            assertEquals(groupId, changed.at("/data/groupId").asText());
        }
    }

    @Test
    void badTimeZoneIsAProblemNamingTimeZoneAndWritesNothing() {
        long before = count("community_group");
        for (String zone : List.of("Mars/Olympus", "+08:00", "UTC+8")) {
            given().contentType(ContentType.JSON).body("""
                    {"name": "g", "platform": "WECOM", "aidass": {"from": "DESIRE", "to": "ACTION"}, "timeZone": "%s"}"""
                    .formatted(zone))
                    .post("/groups").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("timeZone"));
        }
        assertEquals(before, count("community_group"));
        String groupId = group("Asia/Shanghai");
        given().contentType(ContentType.JSON).body(Map.of("timeZone", "Nowhere/Else"))
                .patch("/groups/{id}", groupId).then().statusCode(400).body("errors.field", hasItem("timeZone"));
        given().get("/groups/{id}", groupId).then().body("timeZone", equalTo("Asia/Shanghai"));
    }

    @Test
    void phaseAndTouchEventsMatchTheirGoldenSamples() throws Exception {
        setClock(Instant.parse("2026-08-20T02:00:00Z"));
        String groupId = group("Asia/Shanghai");
        try (KafkaCompanion kafka = CampaignTestSupport.kafka()) {
            ConsumerTask<String, String> phases = kafka.consumeStrings()
                    .fromTopics("campaign-phase-changed", r -> r.filter(x -> groupId.equals(x.key())));
            ConsumerTask<String, String> touches = kafka.consumeStrings()
                    .fromTopics("touch-due", r -> r.filter(x -> groupId.equals(x.key())));
            String campaignId = start("lead-group-48h", groupId, "2026-08-21");
            // Day 2, 10:00 local: the camp offer is due; day 1's posts are past their 2 h staleness and expire.
            setClock(Instant.parse("2026-08-22T02:00:00Z"));
            phases.awaitRecords(1, Duration.ofSeconds(30));
            touches.awaitRecords(1, Duration.ofSeconds(30));
            phases.stop();
            touches.stop();
            JsonNode phase = json.readTree(phases.getFirstRecord().value());
            sameShape(golden("campaign-phase-changed"), phase);
            assertEquals("FISSION", phase.at("/data/phase").asText());
            assertEquals(campaignId, phase.at("/data/campaignId").asText());
            assertTrue(phase.at("/data/templateVersion").asText().startsWith("sha256:"));
            JsonNode offer = touches.getRecords().stream().map(r -> read(r.value()))
                    .filter(t -> "OFFER_WINDOW".equals(t.at("/data/action").asText())).findFirst().orElseThrow();
            sameShape(golden("touch-due"), offer);
            assertEquals("PT12H", offer.at("/data/window").asText());
            assertEquals("2026-08-22T10:00", offer.at("/data/localDueAt").asText());
            assertEquals(offer.at("/id").asText(), offer.at("/data/touchId").asText());
            given().post("/campaigns/{id}/cancel", campaignId).then().statusCode(200);
        }
    }

    @Test
    void leavingCancelsTheMembersFutureStepsAndJoiningPlansThemOnce() throws Exception {
        setClock(Instant.parse("2026-09-01T00:00:00Z"));
        String groupId = group("Asia/Shanghai");
        String campaignId = start("newcomer-7d", groupId, "2026-09-01");
        String member = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = CampaignTestSupport.kafka()) {
            String joined = membershipEvent("joined", member, groupId, "2026-09-02T03:00:00Z", null);
            kafka.produceStrings().fromRecords(new ProducerRecord<>("membership-events", groupId, joined),
                    new ProducerRecord<>("membership-events", groupId, joined)).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> memberRows(campaignId, member).size() == 3);
            // welcome day 0 (2 Sep 19:00 local), first-experience day 1, day3-check day 3 (5 Sep); day 7 (9 Sep)
            // is past the campaign's last day (7 Sep) and not planned. The duplicate event planned nothing more.
            assertEquals(List.of("welcome", "first-experience", "day3-check"),
                    memberRows(campaignId, member).stream().map(r -> (String) r.get("stepId")).toList());

            setClock(Instant.parse("2026-09-02T11:00:00Z")); // welcome, 19:00 local
            setClock(Instant.parse("2026-09-03T04:00:00Z")); // first-experience, 12:00 local
            String ended = membershipEvent("ended", member, groupId, "2026-09-02T03:00:00Z", "VOLUNTARY");
            kafka.produceStrings().fromRecords(new ProducerRecord<>("membership-events", groupId, ended))
                    .awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> memberRows(campaignId, member).stream()
                    .anyMatch(r -> "CANCELLED".equals(r.get("state"))));
            Map<String, String> states = new java.util.HashMap<>();
            memberRows(campaignId, member).forEach(r -> states.put((String) r.get("stepId"), (String) r.get("state")));
            assertEquals("DONE", states.get("welcome"));
            assertEquals("CANCELLED", states.get("day3-check"));
            assertEquals("membership ended (VOLUNTARY)", memberRows(campaignId, member).stream()
                    .filter(r -> "day3-check".equals(r.get("stepId"))).findFirst().orElseThrow().get("reason"));
        }
    }

    @Test
    void unreadableMembershipEventsGoToTheDlqWithTheReason() {
        try (KafkaCompanion kafka = CampaignTestSupport.kafka()) {
            String key = UUID.randomUUID().toString();
            ConsumerTask<String, String> dlq = kafka.consumeStrings()
                    .fromTopics("membership-events-dlq", r -> r.filter(x -> key.equals(x.key())));
            kafka.produceStrings().fromRecords(new ProducerRecord<>("membership-events", key, "{not json"),
                    new ProducerRecord<>("membership-events", key, "{\"id\": \"x\", \"type\": \"t\", \"data\": {}}"))
                    .awaitCompletion();
            dlq.awaitRecords(2, Duration.ofSeconds(30));
            dlq.stop();
            String reason = new String(dlq.getRecords().get(1).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.contains("memberId is missing"), reason);
            assertEquals("{not json", dlq.getFirstRecord().value());
        }
    }

    @Test
    void templatesAreListedDownloadedValidatedAndVersioned() throws Exception {
        setClock(Instant.parse("2026-08-20T02:00:00Z"));
        given().get("/templates").then().statusCode(200)
                .body("id", hasItems("conversion-camp-30d", "training-camp-journey", "newcomer-7d",
                        "checkin-challenge-21d", "daily-rhythm", "lead-group-48h"))
                .body("find { it.id == 'conversion-camp-30d' }.phases",
                        equalTo(List.of("WARM_UP", "BUILD_UP", "CLIMAX", "WRAP_UP", "GRACE")))
                .body("find { it.id == 'conversion-camp-30d' }.days", equalTo(33));
        String yaml = new String(given().get("/templates/daily-rhythm").then().statusCode(200)
                .contentType(startsWith("application/yaml")).header("ETag", startsWith("\"sha256:"))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        String original = given().contentType("application/yaml").body(bytes(yaml)).post("/templates/validate")
                .then().statusCode(200).body("valid", equalTo(true)).extract().path("version");

        given().contentType("application/yaml").body(bytes(yaml.replace("at: \"13:00\"", "at: \"25:00\"")))
                .post("/templates/validate").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("steps[2].at"));
        given().contentType("application/yaml")
                .body(bytes(yaml.replace("staleness: PT3H", "staleness: P30D").replace("    days: {from: 1, to: 30}\n    at: \"08:00\"",
                        "    days: {from: 1, to: 31}\n    at: \"08:00\"")))
                .post("/templates/validate").then().statusCode(400)
                .body("errors.field", hasItems("steps[0].days.to", "steps[2].staleness"))
                .body("errors.message", hasItem(containsString("step 'light-topic'")));

        String groupId = group("Asia/Shanghai");
        String before = start("daily-rhythm", groupId, "2026-08-21");
        String edited = yaml.replace("title: Daily rhythm / 每日节奏", "title: Daily rhythm v2");
        String version = given().contentType("application/yaml").body(bytes(edited)).post("/templates")
                .then().statusCode(201).body("origin", equalTo("UPLOADED")).extract().path("version");
        assertTrue(!version.equals(original));
        // Storing the same text again is the same version.
        given().contentType("application/yaml").body(bytes(edited)).post("/templates").then().statusCode(201)
                .body("version", equalTo(version));
        given().get("/templates/daily-rhythm/versions").then().statusCode(200).body("version",
                hasItems(version, original));
        String after = start("daily-rhythm", groupId, "2026-08-21");
        given().get("/campaigns/{id}", before).then().body("templateVersion", equalTo(original));
        given().get("/campaigns/{id}", after).then().body("templateVersion", equalTo(version));
        given().get("/templates/daily-rhythm?version=" + original).then().statusCode(200)
                .body(not(containsString("v2")));
        given().get("/templates/nope").then().statusCode(404).contentType("application/problem+json");
        for (String id : List.of(before, after)) {
            given().post("/campaigns/{id}/cancel", id).then().statusCode(200);
        }
    }

    @Test
    void invalidCampaignRequestsNameTheFieldAndStoreNothing() {
        setClock(Instant.parse("2026-08-20T02:00:00Z"));
        String groupId = group("Asia/Shanghai");
        long campaigns = count("campaign");
        long steps = count("campaign_step");
        String ok = """
                {"templateId": "conversion-camp-30d", "groupIds": ["%s"], "startDate": "2026-08-21",
                 "northStar": {"metric": "paid_conversion_rate", "target": 0.1}}""".formatted(groupId);
        expect(ok.replace("\"templateId\": \"conversion-camp-30d\", ", ""), "templateId");
        expect(ok.replace("conversion-camp-30d", "no-such-template"), "templateId");
        expect(ok.replace(groupId, UUID.randomUUID().toString()), "groupIds[0]");
        expect(ok.replace("[\"" + groupId + "\"]", "[\"" + groupId + "\", \"" + groupId + "\"]"), "groupIds[1]");
        expect(ok.replace("[\"" + groupId + "\"]", "[]"), "groupIds");
        expect(ok.replace("2026-08-21", "2026-08-19"), "startDate"); // yesterday in Shanghai
        expect(ok.replace("2026-08-21", "21.08.2026"), "startDate");
        expect(ok.replace("\"target\": 0.1", "\"target\": 0"), "northStar.target");
        expect(ok.replace("\"metric\": \"paid_conversion_rate\", ", ""), "northStar.metric");
        given().contentType(ContentType.JSON).body(Map.of("templateId", "daily-rhythm", "groupId", groupId))
                .post("/campaigns/dry-run").then().statusCode(400).body("errors.field", hasItem("startDate"));
        given().post("/campaigns/{id}/pause", UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("duration", "-PT1H")).post("/clock/advance")
                .then().statusCode(400).body("errors.field", hasItem("duration"));
        assertEquals(campaigns, count("campaign"));
        assertEquals(steps, count("campaign_step"));
    }

    private void expect(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/campaigns").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private List<Map<String, Object>> memberRows(String campaignId, String memberId) {
        return timeline(campaignId, true).stream().filter(r -> memberId.equals(r.get("memberId"))).toList();
    }

    private String membershipEvent(String verb, String memberId, String groupId, String joinedAt, String exitKind) {
        Map<String, Object> data = new java.util.LinkedHashMap<>(Map.of("membershipId", UUID.randomUUID().toString(),
                "memberId", memberId, "groupId", groupId, "roles", List.of(), "staff", false, "layer", "PERIPHERY",
                "stage", "CURIOUS", "activityState", "ACTIVE", "joinedAt", joinedAt, "occurredAt", joinedAt));
        if (exitKind != null) {
            data.put("exitKind", exitKind);
            data.put("endedAt", "2026-09-03T04:00:00Z");
        }
        try {
            return json.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                    "type", "io.qunyun.member.membership." + verb + ".v1", "source", "/member-service",
                    "time", joinedAt, "subject", groupId, "datacontenttype", "application/json", "data", data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.one("SELECT count(*) FROM " + table,
                rs -> rs.getLong(1)).orElseThrow());
    }

    private JsonNode golden(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/events/" + name + ".json")) {
            return json.readTree(in);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Same envelope and data fields as the documented sample, same constants. */
    private static void sameShape(JsonNode golden, JsonNode published) {
        assertEquals(names(golden), names(published));
        assertEquals(names(golden.get("data")), names(published.get("data")));
        for (String constant : Set.of("specversion", "type", "source", "datacontenttype")) {
            assertEquals(golden.get(constant), published.get(constant), constant);
        }
        assertEquals(published.at("/subject"), published.at("/data/groupId"), "subject = key = group id");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
