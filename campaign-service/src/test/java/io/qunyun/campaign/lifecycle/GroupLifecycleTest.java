package io.qunyun.campaign.lifecycle;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.campaign.member.MemberClient;
import io.qunyun.campaign.domain.MemberAudiences.AudienceMember;
import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.domain.MemberAudiences.AudienceQuery;
import io.qunyun.campaign.member.MembershipClient;
import io.qunyun.campaign.member.MembershipClient.Closure;
import io.qunyun.campaign.member.MembershipClient.ClosureRequest;
import io.qunyun.campaign.member.MembershipClient.Invitation;
import io.qunyun.campaign.rules.RulesClient;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HDecision;
import io.qunyun.campaign.domain.CampaignRules.PositioningDecision;
import io.qunyun.testkit.KafkaBrokerResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The group lifecycle over the real broker and database, with member-service and rules-service
 * replaced by mocks that behave like them (admission idempotent on "one open membership").
 */
@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "test", roles = "admin")
class GroupLifecycleTest {

    @InjectMock
    @RestClient
    MemberClient audiences;

    @InjectMock
    @RestClient
    MembershipClient memberships;

    @InjectMock
    @RestClient
    RulesClient rules;

    @Inject
    ObjectMapper json;

    /** Audience per group: the members member-service would answer (ACTIVE and not). */
    static final Map<UUID, List<AudienceMember>> AUDIENCES = new ConcurrentHashMap<>();
    /** Members who joined each group through an invitation: member-service's "open memberships". */
    static final Map<UUID, Set<UUID>> JOINED = new ConcurrentHashMap<>();
    static final Map<UUID, AtomicInteger> CREATED = new ConcurrentHashMap<>();
    static final AtomicBoolean CRASH_ONCE = new AtomicBoolean();
    /** Members the successor's admission refuses (member-service answers 409 admission-refused). */
    static final Set<UUID> REFUSE = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void mocks() {
        when(rules.positioning(any())).thenAnswer(inv -> {
            io.qunyun.campaign.domain.CampaignRules.PositioningQuestion q = inv.getArgument(0);
            return q.from() == io.qunyun.campaign.domain.AidassStage.ATTENTION
                    ? new PositioningDecision("LEAD", 48, "LOW", "CONVERSATION", "GroupPositioning", "sha256:lead",
                            List.of("P01 lead group"))
                    : new PositioningDecision("CONVERSION", 720, "HIGH", "TRANSACTION", "GroupPositioning",
                            "sha256:camp", List.of("P02 camp"));
        });
        when(rules.fiveW1H(any())).thenReturn(new FiveW1HDecision(false, List.of(), "FiveW1H", "sha256:bb", List.of()));
        when(rules.schedulePolicy(any())).thenReturn(new io.qunyun.campaign.domain.CampaignRules.SchedulePolicyDecision("22:00", "07:00", 1, "SKIP",
                120, 30, List.of("CORE", "INFLUENCE"), null, "SP01", "sha256:sp", List.of("SP01")));
        // the MetricDefinitions table as shipped: a lead group is judged day by day, every other over 7 days
        when(rules.metricDefinitions(any())).thenAnswer(inv -> {
            io.qunyun.campaign.domain.CampaignRules.MetricDefinitionQuestion q = inv.getArgument(0);
            boolean lead = "LEAD".equals(q.groupType());
            return new io.qunyun.campaign.domain.CampaignRules.MetricDefinitions(lead ? 1 : 7, List.of("CHECK_IN", "CONTENT_POST", "SHARE", "PURCHASE"),
                    List.of("PURCHASE"), lead ? "D01 lead group day by day" : "D09 every group", "MetricDefinitions",
                    "sha256:defs", List.of());
        });
        when(audiences.query(any())).thenAnswer(inv -> {
            AudienceQuery q = inv.getArgument(0);
            List<AudienceMember> page = AUDIENCES.getOrDefault(q.groupIds().get(0), List.of()).stream()
                    .filter(m -> q.activityStates() == null || q.activityStates().contains(m.activityState()))
                    .filter(m -> q.staff() == null || q.staff() == m.staff())
                    .sorted(Comparator.comparing(m -> m.membershipId().toString())).toList();
            return new AudiencePage(page, null);
        });
        when(memberships.invite(any(), any())).thenAnswer(inv -> {
            UUID group = inv.getArgument(0);
            Invitation invitation = inv.getArgument(1);
            if (REFUSE.contains(invitation.memberId())) {
                throw new WebApplicationException(Response.status(409).type("application/problem+json")
                        .entity("{\"type\":\"https://qunyun.io/problems/admission-refused\",\"detail\":\"A03 former member\"}")
                        .build());
            }
            if (!JOINED.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(invitation.memberId())) {
                throw new WebApplicationException(Response.status(409).type("application/problem+json")
                        .entity("{\"type\":\"https://qunyun.io/problems/already-member\",\"detail\":\"already in\"}").build());
            }
            CREATED.computeIfAbsent(invitation.memberId(), m -> new AtomicInteger()).incrementAndGet();
            if (CRASH_ONCE.compareAndSet(true, false)) {
                // member-service joined the member, then this instance died before recording it
                throw new IllegalStateException("instance killed after member-service answered");
            }
            return Response.status(201).build();
        });
        when(memberships.close(any(), any())).thenAnswer(inv -> {
            ClosureRequest r = inv.getArgument(1);
            return new Closure(inv.getArgument(0), r.kind(), 3, List.of());
        });
    }

    /** Published fields are those of the golden sample (docs/events.md); optional ones may be left out. */
    void matchesGolden(String name, JsonNode published, Set<String> optional) throws Exception {
        JsonNode golden;
        try (var in = getClass().getResourceAsStream("/events/" + name + ".json")) {
            golden = json.readTree(in);
        }
        assertEquals(names(golden), names(published));
        Set<String> expected = names(golden.get("data"));
        Set<String> actual = names(published.get("data"));
        assertTrue(expected.containsAll(actual), "undocumented fields: " + actual);
        Set<String> required = new java.util.TreeSet<>(expected);
        required.removeAll(optional);
        assertTrue(actual.containsAll(required), "missing fields: " + required + " in " + actual);
        assertEquals(golden.get("type").asText(), published.get("type").asText());
        assertEquals(published.get("subject").asText(), published.get("data").get("groupId").asText());
    }

    static Set<String> names(JsonNode node) {
        Set<String> out = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static KafkaCompanion kafka() {
        return KafkaBrokerResource.companion();
    }

    static void setClock(Instant instant) {
        given().contentType(ContentType.JSON).body(Map.of("instant", instant.toString())).put("/clock").then()
                .statusCode(200);
    }

    static void advance(String duration) {
        given().contentType(ContentType.JSON).body(Map.of("duration", duration)).post("/clock/advance").then()
                .statusCode(200);
    }

    static String group(String from, String to) {
        return given().contentType(ContentType.JSON).body("""
                {"name": "群 %s", "platform": "WECOM", "aidass": {"from": "%s", "to": "%s"},
                 "timeZone": "Asia/Shanghai",
                 "fiveW1H": {"why": "grow", "what": "group", "who": "parents", "when": {"lifecycleHours": 800},
                             "how": "IN_GROUP_CONVERSION"}}""".formatted(from, from, to))
                .post("/groups").then().statusCode(201).extract().path("id");
    }

    static void link(String group, String successor) {
        given().contentType(ContentType.JSON).body(Map.of("successorGroupId", successor))
                .put("/groups/{id}/successor", group).then().statusCode(200)
                .body("successorGroupId", equalTo(successor));
    }

    /** Members: i-th has layer CORE/INFLUENCE/PERIPHERY in turn; every third is DORMANT; plus one staff. */
    static List<AudienceMember> audience(String groupId, int size) {
        UUID group = UUID.fromString(groupId);
        List<String> layers = List.of("PERIPHERY", "CORE", "INFLUENCE");
        List<AudienceMember> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            UUID member = UUID.randomUUID();
            out.add(new AudienceMember(UUID.randomUUID(), member, group, List.of(), false, layers.get(i % 3), "CURIOUS",
                    i % 3 == 2 && i > 2 ? "DORMANT" : "ACTIVE", null, Instant.parse("2027-01-01T00:00:00Z"), null, null));
        }
        out.add(new AudienceMember(UUID.randomUUID(), UUID.randomUUID(), group, List.of("OWNER"), true, "CORE",
                "FAMILIAR", "ACTIVE", null, Instant.parse("2027-01-01T00:00:00Z"), null, null));
        AUDIENCES.put(group, out);
        return out;
    }

    static Set<UUID> activeNonStaff(List<AudienceMember> members) {
        return members.stream().filter(m -> !m.staff() && "ACTIVE".equals(m.activityState()))
                .map(AudienceMember::memberId).collect(java.util.stream.Collectors.toSet());
    }

    String decision(String groupId, String verdict, String reviveKind, String decisionId) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.qunyun.rules.group-health.decided.v1","source":"/rules-service",
                 "time":"2027-06-01T00:00:00Z","subject":"%s","datacontenttype":"application/json",
                 "data":{"decisionId":"%s","metricsEventId":"m-%s","groupId":"%s","groupType":"CONVERSION",
                         "verdict":"%s",%s"message":"说明 / note for %s","pastLifespan":false,
                         "decidedBy":"H05 row","firedRules":["H05 row","H09 healthy"],"table":"GroupHealth",
                         "tableVersion":"sha256:health1"}}""".formatted(decisionId, groupId, decisionId, decisionId,
                groupId, verdict, reviveKind == null ? "" : "\"reviveKind\":\"" + reviveKind + "\",", verdict);
    }

    void publishDecision(String groupId, String record) {
        try (KafkaCompanion kafka = kafka()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>("group-health-decisions", groupId, record))
                    .awaitCompletion();
        }
    }

    static JsonNode lifecycle(String groupId, ObjectMapper json) throws Exception {
        return json.readTree(given().get("/groups/{id}/lifecycle", groupId).then().statusCode(200).extract().asString());
    }

    String activity(String id, String groupId, UUID member, String type, String occurredAt, String amount) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.qunyun.member.activity.recorded.v1","source":"/member-service",
                 "subject":"%s","data":{"activityId":"%s","memberId":"%s","type":"%s","groupId":"%s","occurredAt":"%s"%s}}"""
                .formatted(id, member, id, member, type, groupId, occurredAt,
                        amount == null ? "" : ",\"attributes\":{\"amount\":\"" + amount + "\",\"currency\":\"CNY\"}");
    }

    String joined(String groupId, UUID member, boolean staff, String at) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.qunyun.member.membership.joined.v1","source":"/member-service",
                 "subject":"%s","data":{"membershipId":"%s","memberId":"%s","groupId":"%s","roles":[],"staff":%s,
                 "layer":"PERIPHERY","stage":"CURIOUS","activityState":"ACTIVE","joinedAt":"%s","occurredAt":"%s"}}"""
                .formatted(UUID.randomUUID(), member, UUID.randomUUID(), member, groupId, staff, at, at);
    }

    @Test
    void metricsPerLocalDayFromAStreamWithLateAndDuplicatedEvents() throws Exception {
        setClock(Instant.parse("2027-06-01T00:00:00Z")); // 08:00 in Shanghai
        String g = group("DESIRE", "ACTION");
        UUID m1 = UUID.randomUUID(), m2 = UUID.randomUUID(), m3 = UUID.randomUUID(), m4 = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        List<ProducerRecord<String, String>> joins = new ArrayList<>();
        for (UUID m : List.of(m1, m2, m3, m4)) {
            joins.add(new ProducerRecord<>("membership-events", g, joined(g, m, false, "2027-05-31T01:00:00Z")));
        }
        joins.add(new ProducerRecord<>("membership-events", g, joined(g, staff, true, "2027-05-31T01:00:00Z")));
        String checkIn = activity(UUID.randomUUID().toString(), g, m1, "CHECK_IN", "2027-06-01T01:00:00Z", null);
        List<ProducerRecord<String, String>> activities = List.of(
                new ProducerRecord<>("member-activities", m1.toString(), checkIn),
                new ProducerRecord<>("member-activities", m2.toString(),
                        activity(UUID.randomUUID().toString(), g, m2, "CONTENT_POST", "2027-06-01T02:00:00Z", null)),
                new ProducerRecord<>("member-activities", m1.toString(),
                        activity(UUID.randomUUID().toString(), g, m1, "PURCHASE", "2027-06-01T03:00:00Z", "199.00")),
                // staff never count as members (the post counts in no member metric)
                new ProducerRecord<>("member-activities", staff.toString(),
                        activity(UUID.randomUUID().toString(), g, staff, "CONTENT_POST", "2027-06-01T03:00:00Z", null)),
                new ProducerRecord<>("member-activities", m3.toString(),
                        activity(UUID.randomUUID().toString(), g, m3, "AD_SPAM", "2027-06-01T04:00:00Z", null)),
                // a duplicate (same event id): counted once
                new ProducerRecord<>("member-activities", m1.toString(), checkIn),
                // late: happened at 10:00 local on 31 May, arrives after 1 June's events
                new ProducerRecord<>("member-activities", m4.toString(),
                        activity(UUID.randomUUID().toString(), g, m4, "CHECK_IN", "2027-05-31T02:00:00Z", null)));
        try (KafkaCompanion kafka = kafka()) {
            kafka.produceStrings().fromRecords(joins).awaitCompletion();
            kafka.produceStrings().fromRecords(activities).awaitCompletion();
        }
        // the activities and the memberships come on two topics, in no order between them: wait for both
        // (the roster: four members; the staff membership, last on its partition: the staff post not counted)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("from", "2027-05-31")
                .queryParam("to", "2027-06-01").get("/groups/{id}/metrics", g).then().statusCode(200)
                .body("days[0].checkIns", equalTo(1)).body("days[1].spamRate", equalTo(0.2f))
                .body("days[1].conversions", equalTo(1)).body("days[0].members", equalTo(4))
                .body("days[1].messages", equalTo(3)));
        JsonNode days = json.readTree(given().queryParam("from", "2027-05-31").queryParam("to", "2027-06-01")
                .get("/groups/{id}/metrics", g).then().statusCode(200).extract().asString()).get("days");
        JsonNode may31 = days.get(0), june1 = days.get(1);
        given().queryParam("from", "2027-05-31").get("/groups/{id}/metrics", g).then().statusCode(200)
                .body("definitions.decidedBy", equalTo("D09 every group"))
                .body("definitions.tableVersion", equalTo("sha256:defs"));
        assertEquals("2027-05-31", may31.get("day").asText());
        assertEquals(4, may31.get("members").asInt(), "staff are not members");
        assertEquals(4, may31.get("joins").asInt());
        assertEquals(1, may31.get("messages").asInt());
        assertEquals(4, june1.get("members").asInt());
        assertEquals(3, june1.get("messages").asInt(), "check-in, post and purchase; the duplicate, spam and staff do not count");
        assertEquals(2, june1.get("activeMembers").asInt());
        assertEquals(0.5, june1.get("activeMemberRatio").asDouble());
        assertEquals(1, june1.get("checkIns").asInt());
        assertEquals(0.25, june1.get("checkInRate").asDouble());
        assertEquals(0, june1.get("revenue").decimalValue().compareTo(new java.math.BigDecimal("199.00")));
        assertEquals(0.2, june1.get("spamRate").asDouble(), "1 spam of 5 activities (staff included)");

        // 1 June closes at midnight Shanghai: its 7-day window is reported on group-metrics once
        try (KafkaCompanion kafka = kafka()) {
            var reports = kafka.consumeStrings().fromTopics("group-metrics", r -> r.filter(x -> g.equals(x.key())));
            setClock(Instant.parse("2027-06-01T16:30:00Z"));
            setClock(Instant.parse("2027-06-01T17:00:00Z"));
            reports.awaitRecords(1, Duration.ofSeconds(30));
            JsonNode event = json.readTree(reports.getRecords().stream()
                    .filter(r -> r.value().contains("\"windowTo\":\"2027-06-01\"")).findFirst().orElseThrow().value());
            matchesGolden("group-metrics-reported", event, Set.of("lifespanHours", "campaignAgeHours", "groupType",
                    "primaryMetric"));
            assertEquals(g, reports.getRecords().get(0).key());
            JsonNode data = event.get("data");
            assertEquals(g, data.get("groupId").asText());
            // the group was created on 1 June (08:00 local): its window starts then, not 7 days back, so days
            // before it existed (and the late check-in dated 31 May) do not make it look quiet
            assertEquals("2027-06-01", data.get("windowFrom").asText());
            assertEquals(3.0, data.get("messagesPerDay").asDouble(), 1e-9, "3 messages over the 1 day it existed");
            assertEquals(0.5, data.get("activeMemberRatio").asDouble(), "m1, m2 of 4 members");
            assertEquals(0.25, data.get("checkInRate").asDouble(), "1 check-in over 4 member-days");
            assertEquals(1, data.get("conversions").asInt());
            assertEquals(1, reports.getRecords().stream().filter(r -> r.value().contains("\"windowTo\":\"2027-06-01\""))
                    .count(), "one report per group and local day");
        }
    }

    @Test
    void transferMovesExactlyTheActiveMembersOnceThoughTheDecisionIsRedeliveredAndTheInstanceDies() throws Exception {
        setClock(Instant.parse("2027-07-01T00:00:00Z"));
        String g = group("DESIRE", "ACTION");
        String next = group("ACTION", "SATISFACTION");
        link(g, next);
        List<AudienceMember> members = audience(g, 9);
        Set<UUID> active = activeNonStaff(members);

        // preview: which members, nothing changes
        JsonNode preview = json.readTree(given().queryParam("verdict", "TRANSFER_ACTIVE")
                .get("/groups/{id}/lifecycle/preview", g).then().statusCode(200).extract().asString());
        assertEquals(active.size(), preview.get("tasks").size());
        assertEquals("CORE", preview.get("tasks").get(0).get("layer").asText(), "promising layers first");
        assertEquals("TRANSFERRED", preview.get("closureKind").asText());
        assertEquals("ACTIVE", lifecycle(g, json).get("state").asText());

        CRASH_ONCE.set(true);
        String record = decision(g, "TRANSFER_ACTIVE", null, UUID.randomUUID().toString());
        try (KafkaCompanion kafka = kafka()) {
            var states = kafka.consumeStrings().fromTopics("group-lifecycle", r -> r.filter(x -> g.equals(x.key())));
            publishDecision(g, record);
            publishDecision(g, record); // redelivered
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                setClock(Instant.parse("2027-07-01T00:00:00Z"));
                assertEquals("DISSOLVED", lifecycle(g, json).get("state").asText());
            });
            states.awaitRecords(3, Duration.ofSeconds(30));
            matchesGolden("group-state-changed", json.readTree(states.getRecords().get(1).value()), Set.of());
            assertEquals(g, states.getRecords().get(1).key());
            List<String> changes = states.getRecords().stream().map(r -> {
                try {
                    JsonNode d = json.readTree(r.value()).get("data");
                    return d.get("from").asText() + ">" + d.get("to").asText();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(List.of("ACTIVE>DORMANT", "DORMANT>TRANSFERRING", "TRANSFERRING>DISSOLVED"), changes);
        }
        assertEquals(active, JOINED.get(UUID.fromString(next)), "exactly the active members, staff and dormant left out");
        for (UUID m : active) {
            assertEquals(1, CREATED.get(m).get(), "member " + m + " joined once");
        }
        JsonNode view = lifecycle(g, json);
        assertEquals(1, view.get("actions").size(), "the redelivered decision is one action");
        JsonNode action = view.get("actions").get(0);
        assertEquals("DONE", action.get("state").asText());
        assertEquals("sha256:health1", action.get("tableVersion").asText());
        assertEquals("H05 row", action.get("firedRules").get(0).asText());
        assertEquals(active.size(), view.get("tasks").size());
        view.get("tasks").forEach(t -> assertEquals("JOINED", t.get("status").asText()));
        verify(memberships, times(1)).close(eq(UUID.fromString(g)),
                org.mockito.ArgumentMatchers.argThat(r -> "TRANSFERRED".equals(r.kind())));
    }

    @Test
    void afterATransferOnlyTheMovedLeaveAsTransferredAndAnEndedSuccessorRaisesOneAlert() throws Exception {
        setClock(Instant.parse("2027-07-10T00:00:00Z"));
        String g = group("DESIRE", "ACTION");
        String next = group("ACTION", "SATISFACTION");
        link(g, next);
        List<AudienceMember> members = audience(g, 9);
        Set<UUID> active = activeNonStaff(members);
        UUID refused = active.iterator().next();
        REFUSE.add(refused);
        publishDecision(g, decision(g, "TRANSFER_ACTIVE", null, UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            setClock(Instant.parse("2027-07-10T00:00:00Z"));
            assertEquals("DISSOLVED", lifecycle(g, json).get("state").asText());
        });
        var closures = org.mockito.ArgumentCaptor.forClass(ClosureRequest.class);
        verify(memberships, org.mockito.Mockito.atLeastOnce()).close(eq(UUID.fromString(g)), closures.capture());
        Map<String, List<ClosureRequest>> byKind = closures.getAllValues().stream()
                .collect(java.util.stream.Collectors.groupingBy(ClosureRequest::kind));
        Set<UUID> moved = new java.util.HashSet<>(active);
        moved.remove(refused);
        assertEquals(1, byKind.get("TRANSFERRED").size());
        assertEquals(moved, Set.copyOf(byKind.get("TRANSFERRED").get(0).memberIds()), "only the members who moved");
        List<ClosureRequest> dissolved = byKind.get("GROUP_DISSOLVED");
        assertEquals(2, dissolved.size(), "the refused, then everyone not invited");
        assertEquals(List.of(refused), dissolved.get(0).memberIds());
        assertTrue(dissolved.get(0).reason().contains("was refused"), dissolved.get(0).reason());
        assertEquals(null, dissolved.get(1).memberIds(), "the rest: the dormant members, never invited");
        assertTrue(dissolved.get(1).reason().contains("not an active member at the transfer"), dissolved.get(1).reason());

        // A group whose successor is dissolved: the transfer is skipped, and operators get ONE alert task.
        String a = group("DESIRE", "ACTION");
        String b = group("ACTION", "SATISFACTION");
        link(a, b);
        publishDecision(b, decision(b, "DISSOLVE", null, UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertEquals("DISSOLVING", lifecycle(b, json).get("state").asText()));
        advance("PT25H");
        assertEquals("DISSOLVED", lifecycle(b, json).get("state").asText());
        publishDecision(a, decision(a, "TRANSFER_ACTIVE", null, UUID.randomUUID().toString()));
        publishDecision(a, decision(a, "TRANSFER_ACTIVE", null, UUID.randomUUID().toString())); // the next day's
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(2,
                lifecycle(a, json).get("actions").size()));
        JsonNode view = lifecycle(a, json);
        view.get("actions").forEach(x -> {
            assertEquals("SKIPPED", x.get("state").asText());
            assertTrue(x.get("reason").asText().contains("is DISSOLVED; operators alerted"), x.get("reason").asText());
        });
        List<JsonNode> alerts = new ArrayList<>();
        view.get("tasks").forEach(t -> {
            if ("SUCCESSOR_ALERT".equals(t.get("kind").asText())) {
                alerts.add(t);
            }
        });
        assertEquals(1, alerts.size(), "one alert, not one a day");
        assertEquals("OPEN", alerts.get(0).get("status").asText());
        assertTrue(alerts.get(0).get("content").asText().contains("link a new successor"));
        String c = group("ACTION", "SATISFACTION");
        link(a, c);
        JsonNode answered = lifecycle(a, json).get("tasks").get(0);
        assertEquals("DONE", answered.get("status").asText(), "linking a new successor answers the alert");
    }

    @Test
    void reviveThenHealthyAgainAndDissolveWithGoodbye() throws Exception {
        setClock(Instant.parse("2027-08-01T00:00:00Z"));
        String g = group("DESIRE", "ACTION");
        publishDecision(g, decision(g, "REVIVE", "RED_PACKET", UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertEquals("REVIVING", lifecycle(g, json).get("state").asText()));
        JsonNode view = lifecycle(g, json);
        assertEquals("REVIVE", view.get("tasks").get(0).get("kind").asText());
        assertTrue(view.get("tasks").get(0).get("content").asText().startsWith("RED_PACKET: "));
        publishDecision(g, decision(g, "OK", null, UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertEquals("ACTIVE", lifecycle(g, json).get("state").asText()));

        publishDecision(g, decision(g, "DISSOLVE", null, UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertEquals("DISSOLVING", lifecycle(g, json).get("state").asText()));
        JsonNode goodbye = null;
        for (JsonNode t : lifecycle(g, json).get("tasks")) {
            goodbye = "GOODBYE".equals(t.get("kind").asText()) ? t : goodbye;
        }
        assertEquals("GOODBYE", goodbye.get("kind").asText());
        assertEquals("说明 / note for DISSOLVE", goodbye.get("content").asText());
        verify(memberships, times(0)).close(eq(UUID.fromString(g)), any());
        advance("PT25H"); // after the goodbye
        assertEquals("DISSOLVED", lifecycle(g, json).get("state").asText());
        verify(memberships).close(eq(UUID.fromString(g)),
                eq(new ClosureRequest("GROUP_DISSOLVED", "说明 / note for DISSOLVE", null)));
        // a dissolved group is no one's business any more: a later verdict is recorded as skipped
        publishDecision(g, decision(g, "REVIVE", "RED_PACKET", UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode actions = lifecycle(g, json).get("actions");
            assertEquals(4, actions.size());
            assertEquals("SKIPPED", actions.get(3).get("state").asText());
        });
    }

    @Test
    void leadGroupExpiresOnTheVirtualClockAndInvitesItsPromisingMembersOnwardFirst() throws Exception {
        setClock(Instant.parse("2027-09-01T00:00:00Z"));
        String lead = group("ATTENTION", "INTEREST");
        String camp = group("INTEREST", "ACTION");
        given().get("/groups/{id}/successor-proposals", lead).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(camp));
        link(lead, camp);
        List<AudienceMember> members = audience(lead, 6);
        Set<UUID> active = activeNonStaff(members);

        // GroupHealth does not end a lead group: expiry owns that outcome
        publishDecision(lead, decision(lead, "DISSOLVE", null, UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode actions = lifecycle(lead, json).get("actions");
            assertEquals(1, actions.size());
            assertEquals("SKIPPED", actions.get(0).get("state").asText());
        });
        assertEquals("ACTIVE", lifecycle(lead, json).get("state").asText());

        JsonNode preview = json.readTree(given().queryParam("verdict", "EXPIRE")
                .get("/groups/{id}/lifecycle/preview", lead).then().statusCode(200).extract().asString());
        assertEquals("LIFESPAN_EXPIRY", preview.get("cause").asText());
        assertEquals(active.size(), preview.get("tasks").size());

        advance("PT47H");
        assertEquals("ACTIVE", lifecycle(lead, json).get("state").asText(), "47 h of a 48 h lifespan");
        advance("PT1H");
        JsonNode view = lifecycle(lead, json);
        assertEquals("DISSOLVED", view.get("state").asText());
        JsonNode expiry = view.get("actions").get(1);
        assertEquals("LIFESPAN_EXPIRY", expiry.get("cause").asText());
        assertEquals("sha256:lead", expiry.get("tableVersion").asText());
        assertEquals("P01 lead group", expiry.get("firedRules").get(0).asText());
        List<String> layersInOrder = new ArrayList<>();
        view.get("tasks").forEach(t -> layersInOrder.add(t.get("layer").asText()));
        assertEquals("CORE", layersInOrder.get(0));
        assertEquals(active, JOINED.get(UUID.fromString(camp)));
    }

    String phased(String id, String groupId, UUID member, String type, String occurredAt) {
        return activity(id, groupId, member, type, occurredAt, null).replace("\"occurredAt\"",
                "\"campaignPhase\":\"WEEK_1\",\"occurredAt\"");
    }

    @Test
    void campaignMetricsAtEachCheckpointAndPerPhaseAgainstTheTarget() throws Exception {
        setClock(Instant.parse("2027-10-31T16:00:00Z")); // 1 November, midnight in Shanghai
        String g = group("DESIRE", "ACTION");
        String campaign = given().contentType(ContentType.JSON).body("""
                {"templateId": "checkin-challenge-21d", "groupIds": ["%s"], "startDate": "2027-11-01",
                 "northStar": {"metric": "check_in_rate", "target": 0.5},
                 "relatedMetrics": ["share_count", "conversions"]}""".formatted(g))
                .post("/campaigns").then().statusCode(201).extract().path("id");
        UUID m1 = UUID.randomUUID(), m2 = UUID.randomUUID();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(new ProducerRecord<>("membership-events", g, joined(g, m1, false, "2027-10-31T17:00:00Z")));
        records.add(new ProducerRecord<>("membership-events", g, joined(g, m2, false, "2027-10-31T17:00:00Z")));
        List<ProducerRecord<String, String>> activities = new ArrayList<>();
        for (int day = 1; day <= 7; day++) { // m1 checks in every day of the first week, m2 once
            activities.add(new ProducerRecord<>("member-activities", m1.toString(), phased(UUID.randomUUID().toString(),
                    g, m1, "CHECK_IN", "2027-11-0" + day + "T01:00:00Z")));
        }
        activities.add(new ProducerRecord<>("member-activities", m2.toString(),
                phased(UUID.randomUUID().toString(), g, m2, "CHECK_IN", "2027-11-01T02:00:00Z")));
        activities.add(new ProducerRecord<>("member-activities", m2.toString(),
                phased(UUID.randomUUID().toString(), g, m2, "SHARE", "2027-11-02T02:00:00Z")));
        try (KafkaCompanion kafka = kafka()) {
            kafka.produceStrings().fromRecords(records).awaitCompletion();
            kafka.produceStrings().fromRecords(activities).awaitCompletion();
        }
        setClock(Instant.parse("2027-11-07T14:00:00Z")); // checkpoint-7 was due at 21:30 local (13:30 UTC)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/campaigns/{id}/metrics", campaign)
                .then().statusCode(200).body("groups[0].phases[0].checkIns", equalTo(8))
                // and the roster (membership-events, another topic): 8 check-ins over 14 member-days
                .body("groups[0].checkpoints[0].northStar", equalTo(0.5714f)));
        JsonNode m = json.readTree(given().get("/campaigns/{id}/metrics", campaign).then().statusCode(200).extract()
                .asString());
        assertEquals("check_in_rate", m.get("northStarMetric").asText());
        JsonNode group = m.get("groups").get(0);
        JsonNode first = group.get("checkpoints").get(0);
        assertEquals("checkpoint-7", first.get("stepId").asText());
        assertEquals("2027-11-07", first.get("localDate").asText());
        assertEquals(0.5714, first.get("northStar").asDouble(), "8 check-ins over 14 member-days");
        assertTrue(first.get("reached").asBoolean(), "target 0.5");
        assertEquals(1, first.get("related").get("share_count").asInt());
        assertEquals(0, first.get("related").get("conversions").asInt());
        JsonNode second = group.get("checkpoints").get(1);
        assertEquals("checkpoint-14", second.get("stepId").asText());
        assertTrue(second.get("northStar").isNull(), "not due yet");
        JsonNode week1 = group.get("phases").get(0);
        assertEquals("WEEK_1", week1.get("phase").asText());
        assertEquals(2, week1.get("activeMembers").asInt());
        assertEquals(0, week1.get("convertedMembers").asInt());
        given().get("/campaigns/{id}/metrics", UUID.randomUUID()).then().statusCode(404);

        // the running campaign owns the group: GroupHealth does not dissolve it meanwhile
        publishDecision(g, decision(g, "DISSOLVE", null, UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode actions = lifecycle(g, json).get("actions");
            assertEquals(1, actions.size());
            assertEquals("SKIPPED", actions.get(0).get("state").asText());
            assertTrue(actions.get(0).get("reason").asText().contains("campaign is running"));
        });
        assertEquals("ACTIVE", lifecycle(g, json).get("state").asText());
    }

    @Test
    void successorLinksAreValidated() {
        setClock(Instant.parse("2027-10-01T00:00:00Z"));
        String a = group("DESIRE", "ACTION");
        String b = group("ACTION", "SHARE");
        link(a, b);
        given().contentType(ContentType.JSON).body(Map.of("successorGroupId", a)).put("/groups/{id}/successor", b)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("successorGroupId"));
        given().contentType(ContentType.JSON).body(Map.of("successorGroupId", a)).put("/groups/{id}/successor", a)
                .then().statusCode(400);
        given().queryParam("verdict", "EXPLODE").get("/groups/{id}/lifecycle/preview", a).then().statusCode(400)
                .body("errors[0].field", equalTo("verdict"));
        given().queryParam("from", "yesterday").get("/groups/{id}/metrics", a).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }
}
