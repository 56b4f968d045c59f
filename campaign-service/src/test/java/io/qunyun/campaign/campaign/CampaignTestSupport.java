package io.qunyun.campaign.campaign;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import io.qunyun.campaign.domain.MemberAudiences.AudienceMember;
import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.domain.MemberAudiences.AudienceQuery;
import io.qunyun.testkit.KafkaBrokerResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Shared steps of the campaign tests: groups, a fake audience with staff, and walking the virtual clock. */
final class CampaignTestSupport {

    private CampaignTestSupport() {
    }

    static KafkaCompanion kafka() {
        return KafkaBrokerResource.companion();
    }

    static void setClock(Instant instant) {
        given().contentType(ContentType.JSON).body(Map.of("instant", instant.toString()))
                .put("/clock").then().statusCode(200);
    }

    static void advance(String duration) {
        given().contentType(ContentType.JSON).body(Map.of("duration", duration))
                .post("/clock/advance").then().statusCode(200);
    }

    static String group(String timeZone) {
        return given().contentType(ContentType.JSON).body("""
                {"name": "30天训练营 #7", "platform": "WECOM", "aidass": {"from": "DESIRE", "to": "ACTION"},
                 "timeZone": "%s",
                 "fiveW1H": {"why": "convert", "what": "camp", "who": "parents", "when": {"lifecycleHours": 800},
                             "how": "IN_GROUP_CONVERSION"}}""".formatted(timeZone))
                .post("/groups").then().statusCode(201).extract().path("id");
    }

    static String start(String templateId, String groupId, String startDate) {
        return given().contentType(ContentType.JSON).body("""
                {"templateId": "%s", "groupIds": ["%s"], "startDate": "%s",
                 "northStar": {"metric": "paid_conversion_rate", "target": 0.1},
                 "relatedMetrics": ["check_in_rate", "share_count"]}""".formatted(templateId, groupId, startDate))
                .post("/campaigns").then().statusCode(201).extract().path("id");
    }

    static List<Map<String, Object>> timeline(String campaignId, boolean members) {
        return given().queryParam("limit", 5000).queryParam("members", members)
                .get("/campaigns/{id}/timeline", campaignId).then().statusCode(200).extract().path("items");
    }

    /** Moves the clock to each due instant of the timeline in turn, so every row fires on time. */
    static void walkTimeline(String campaignId) {
        List<Instant> instants = timeline(campaignId, true).stream()
                .map(r -> Instant.parse((String) r.get("dueAt"))).distinct().sorted(Comparator.naturalOrder())
                .toList();
        for (Instant at : instants) {
            setClock(at);
        }
    }

    static List<Map<String, Object>> tasks(String campaignId) {
        List<Map<String, Object>> out = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("limit", 1000);
            if (campaignId != null) {
                request.queryParam("campaignId", campaignId);
            }
            if (after != null) {
                request.queryParam("after", after);
            }
            var response = request.get("/tasks").then().statusCode(200).extract();
            out.addAll(response.path("items"));
            after = response.path("nextCursor");
        } while (after != null);
        return out;
    }

    /**
     * rules-service answering like its tables (positioning P02, no 5W1H finding, a one-to-one chat, the SchedulePolicy
     * of {@link #schedulePolicy}) and member-service serving the audiences of {@code groups}.
     */
    static void answerLikeTheTables(io.qunyun.campaign.rules.RulesClient rules, io.qunyun.campaign.member.MemberClient members,
            Map<UUID, FakeGroup> groups) {
        org.mockito.Mockito.when(rules.positioning(org.mockito.ArgumentMatchers.any())).thenReturn(
                new io.qunyun.campaign.domain.CampaignRules.PositioningDecision("CONVERSION", 720, "HIGH", "CONVERSION",
                        "GroupPositioning", "sha256:aa", List.of("P02")));
        org.mockito.Mockito.when(rules.fiveW1H(org.mockito.ArgumentMatchers.any())).thenReturn(
                new io.qunyun.campaign.domain.CampaignRules.FiveW1HDecision(false, List.of(), "FiveW1H", "sha256:bb",
                        List.of()));
        org.mockito.Mockito.when(rules.touch(org.mockito.ArgumentMatchers.any())).thenReturn(
                new io.qunyun.campaign.domain.CampaignRules.TouchDecision("chat", "ONE_ON_ONE_CHAT", "STEWARD", "HIGH",
                        "S03", "TouchStrategy", "sha256:cc"));
        org.mockito.Mockito.when(rules.schedulePolicy(org.mockito.ArgumentMatchers.any()))
                .thenAnswer(inv -> schedulePolicy(inv.getArgument(0)));
        org.mockito.Mockito.when(members.query(org.mockito.ArgumentMatchers.any())).thenAnswer(inv -> {
            AudienceQuery q = inv.getArgument(0);
            FakeGroup g = groups.get(q.groupIds().get(0));
            return g == null ? new AudiencePage(List.of(), null) : g.answer(q);
        });
    }

    /**
     * rules-service's SchedulePolicy answer as the shipped table gives it for the shipped templates (the
     * whole influence layer served, as the fake audiences carry no activity), and for the test template
     * caps-and-quiet-hours a cap of one task a day (DEFER) and one group post a month.
     */
    static io.qunyun.campaign.domain.CampaignRules.SchedulePolicyDecision schedulePolicy(
            io.qunyun.campaign.domain.CampaignRules.SchedulePolicyQuestion q) {
        boolean caps = "caps-and-quiet-hours".equals(q.template());
        return new io.qunyun.campaign.domain.CampaignRules.SchedulePolicyDecision("22:00", "08:00", caps ? 1 : 2, "DEFER",
                caps ? 1 : 120, 30, caps ? List.of("CORE", "INFLUENCE", "PERIPHERY") : List.of("CORE", "INFLUENCE"), null,
                caps ? "Q99 test caps" : "Q01 WeCom default", "sha256:test", List.of(caps ? "Q99 test caps" : "Q01 WeCom default"));
    }

    /**
     * A group's audience as member-service would answer it: members filtered by layer and stage,
     * paged by membership id, and its staff.
     */
    record FakeGroup(List<AudienceMember> members, List<AudienceMember> staff) {

        static FakeGroup of(String groupId, int size) {
            UUID group = UUID.fromString(groupId);
            List<String> layers = List.of("CORE", "INFLUENCE", "PERIPHERY", "PERIPHERY");
            List<String> stages = List.of("UNDERSTANDS", "FAMILIAR", "CURIOUS", "PURCHASED");
            List<AudienceMember> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                members.add(new AudienceMember(new UUID(1, i + 1), new UUID(2, i + 1), group, List.of(), false,
                        layers.get(i % 4), stages.get(i % 4), "ACTIVE", "ACTIVE", Instant.parse("2026-08-01T00:00:00Z"),
                        null, null));
            }
            List<AudienceMember> staff = List.of(
                    new AudienceMember(new UUID(9, 1), new UUID(8, 1), group, List.of("STEWARD", "OWNER"), true,
                            "CORE", "FAMILIAR", "ACTIVE", null, null, null, null),
                    new AudienceMember(new UUID(9, 2), new UUID(8, 2), group, List.of("PRE_SALES"), true, "CORE",
                            "FAMILIAR", "ACTIVE", null, null, null, null));
            return new FakeGroup(members, staff);
        }

        AudiencePage answer(AudienceQuery q) {
            List<AudienceMember> pool = Boolean.TRUE.equals(q.staff()) ? staff : members;
            List<AudienceMember> matching = pool.stream()
                    .filter(m -> q.layers() == null || q.layers().contains(m.layer()))
                    .filter(m -> q.stages() == null || q.stages().contains(m.stage()))
                    .filter(m -> q.after() == null || m.membershipId().toString().compareTo(q.after()) > 0)
                    .sorted(Comparator.comparing(m -> m.membershipId().toString()))
                    .toList();
            int limit = q.limit() == null ? 1000 : q.limit();
            List<AudienceMember> page = matching.subList(0, Math.min(limit, matching.size()));
            String next = matching.size() > limit ? page.get(page.size() - 1).membershipId().toString() : null;
            return new AudiencePage(page, next);
        }
    }
}
