package io.qunyun.member;

import static io.qunyun.member.Memberships.join;
import static io.qunyun.member.Memberships.joinMember;
import static io.qunyun.member.Memberships.newGroup;
import static io.qunyun.member.Memberships.newOwner;
import static io.qunyun.member.Memberships.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ProcessingException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.member.rules.RulesClient;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Joining, admission, exits and the group member list, over the real database and broker. */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class MembershipResourceTest {

    @InjectMock
    @RestClient
    RulesClient rules;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = TestData.kafka();
        Memberships.answerStandingLikeTheTable(rules);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aMemberJoinsAGroupThatDoesNotScreenAndTheJoinIsPublished() throws Exception {
        String groupId = newGroup(kafka, false, "FAN");
        String memberId = TestData.newMember();
        ConsumerTask<String, String> events = membershipEvents(groupId);

        String membershipId = join(groupId, "{\"memberId\":\"" + memberId + "\"}")
                .statusCode(201)
                .body("memberId", equalTo(memberId))
                .body("groupId", equalTo(groupId))
                .body("roles", hasSize(0))
                .body("staff", equalTo(false))
                .body("stage", equalTo("CURIOUS"))
                .body("activityState", equalTo("ACTIVE"))
                .body("layer", equalTo("PERIPHERY"))
                .body("admittedVia", equalTo("DIRECT"))
                .body("leftAt", nullValue())
                .extract().path("membershipId");

        events.awaitRecords(1, Duration.ofSeconds(30));
        JsonNode event = json.readTree(events.getFirstRecord().value());
        assertEquals("io.qunyun.member.membership.joined.v1", event.get("type").asText());
        assertEquals(groupId, events.getFirstRecord().key());
        assertEquals(membershipId, event.at("/data/membershipId").asText());
        assertEquals("CURIOUS", event.at("/data/stage").asText());
        events.stop();

        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + memberId + "\"}")
                .post("/groups/{g}/members", groupId), 409, "memberId")
                .body("type", equalTo("https://qunyun.io/problems/already-member"));
        given().get("/members/{id}/groups", memberId).then().statusCode(200)
                .body("membershipId", contains(membershipId));
        given().get("/groups/{g}/members", groupId).then().statusCode(200)
                .body("items.memberId", contains(memberId))
                .body("nextCursor", nullValue());
    }

    @Test
    void badRequestsNameTheFieldAndWriteNothing() {
        String groupId = newGroup(kafka, false, null);
        String memberId = TestData.newMember();
        problem(given().contentType(ContentType.JSON).body("{}").post("/groups/{g}/members", groupId), 400, "memberId");
        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"nope\"}").post("/groups/{g}/members", groupId),
                400, "memberId");
        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + memberId + "\",\"roles\":[\"KING\"]}")
                .post("/groups/{g}/members", groupId), 400, "roles[0]");
        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + memberId + "\",\"roles\":[\"STEWARD\"]}")
                .post("/groups/{g}/members", groupId), 400, "addedBy");
        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + UUID.randomUUID() + "\"}")
                .post("/groups/{g}/members", groupId), 404, "memberId");
        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + memberId + "\"}")
                .post("/groups/{g}/members", UUID.randomUUID()), 404, "groupId")
                .body("type", equalTo("https://qunyun.io/problems/not-found"))
                .body("title", equalTo("Not found"));
        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + memberId + "\",\"answers\":[]}")
                .post("/groups/{g}/applications", groupId), 400, "answers");
        problem(given().contentType(ContentType.JSON).body("{\"kind\":\"EXPELLED\"}")
                .post("/groups/{g}/closure", groupId), 400, "kind");
        problem(given().contentType(ContentType.JSON).body("{\"kind\":\"TRANSFERRED\"}")
                .post("/groups/{g}/closure", groupId), 400, "successorGroupId");
        for (String limit : List.of("0", "1001", "x")) {
            problem(given().get("/groups/{g}/members?limit=" + limit, groupId), 400, "limit");
        }
        problem(given().get("/groups/{g}/members?after=page-2", groupId), 400, "after");
        assertEquals(0L, count("SELECT count(*) FROM memberships WHERE group_id = '" + groupId + "'"));
        assertEquals(0L, count("SELECT count(*) FROM membership_applications WHERE group_id = '" + groupId + "'"));
    }

    @Test
    void screeningApplicationIsDecidedByAReviewer() {
        String groupId = newGroup(kafka, true, "CORE_FANS");
        String applicant = TestData.newMember();
        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + applicant + "\"}")
                .post("/groups/{g}/members", groupId), 409, "groupId")
                .body("type", equalTo("https://qunyun.io/problems/screening-required"));

        String owner = newOwner(groupId);
        String steward = TestData.newMember();
        join(groupId, "{\"memberId\":\"" + steward + "\",\"roles\":[\"STEWARD\"],\"addedBy\":\"" + owner + "\"}")
                .statusCode(201).body("staff", equalTo(true)).body("admittedVia", equalTo("STAFF"));

        String applicationId = given().contentType(ContentType.JSON)
                .body("""
                        {"memberId":"%s","answers":[{"question":"为什么加入？","answer":"想认识本地的跑友"}]}"""
                        .formatted(applicant))
                .post("/groups/{g}/applications", groupId)
                .then().statusCode(201)
                .body("state", equalTo("PENDING"))
                .body("answers[0].answer", equalTo("想认识本地的跑友"))
                .extract().path("applicationId");
        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + applicant
                + "\",\"answers\":[{\"question\":\"q\",\"answer\":\"a\"}]}").post("/groups/{g}/applications", groupId),
                409, "memberId").body("type", equalTo("https://qunyun.io/problems/application-pending"));

        // a steward is staff but not a reviewer
        problem(decide(groupId, applicationId, steward, "APPROVED", null), 403, "reviewerId");
        problem(decide(groupId, applicationId, owner, "REJECTED", " "), 400, "reason");
        decide(groupId, applicationId, owner, "REJECTED", "没有回答入群问题 / did not answer the questions")
                .then().statusCode(200).body("state", equalTo("REJECTED")).body("reviewerId", equalTo(owner));
        problem(decide(groupId, applicationId, owner, "APPROVED", null), 409, "applicationId");

        String second = given().contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + applicant + "\",\"answers\":[{\"question\":\"为什么加入？\",\"answer\":\"跑步\"}]}")
                .post("/groups/{g}/applications", groupId).then().statusCode(201).extract().path("applicationId");
        String membershipId = decide(groupId, second, owner, "APPROVED", "面谈通过 / passed the call")
                .then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("membershipId", notNullValue())
                .extract().path("membershipId");
        given().get("/members/{id}/groups", applicant).then().statusCode(200)
                .body("[0].membershipId", equalTo(membershipId))
                .body("[0].admittedVia", equalTo("SCREENED"))
                .body("[0].applicationId", equalTo(second))
                .body("[0].staff", equalTo(false));
    }

    @Test
    void aFormerMemberTheAdmissionTableRefusesGetsA409NamingTheRule() {
        String groupId = newGroup(kafka, false, "FAN");
        String memberId = TestData.newMember();
        joinMember(groupId, memberId);
        given().contentType(ContentType.JSON).body("{}").post("/groups/{g}/members/{m}/leave", groupId, memberId)
                .then().statusCode(200).body("exitKind", equalTo("VOLUNTARY")).body("exitReason", nullValue());
        org.mockito.Mockito.doReturn(new RulesClient.RejoinAnswer(false, false,
                "不告而别不得再入群 / Left without a reason: may not rejoin", "J01 left without a reason: no rejoin",
                "Admission", "sha256:adm", List.of("J01 left without a reason: no rejoin"))).when(rules).rejoin(any());

        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + memberId + "\"}")
                .post("/groups/{g}/members", groupId), 409, "memberId")
                .body("type", equalTo("https://qunyun.io/problems/rejoin-refused"))
                .body("rule", equalTo("J01 left without a reason: no rejoin"))
                .body("tableVersion", equalTo("sha256:adm"))
                .body("detail", org.hamcrest.Matchers.containsString("may not rejoin"));
        ArgumentCaptor<RulesClient.RejoinRequest> asked = ArgumentCaptor.forClass(RulesClient.RejoinRequest.class);
        verify(rules).rejoin(asked.capture());
        assertEquals(new RulesClient.RejoinRequest("VOLUNTARY", false, 0, "FAN"), asked.getValue());
        // applying is refused by the same rule; nothing is written
        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + memberId
                + "\",\"answers\":[{\"question\":\"q\",\"answer\":\"a\"}]}").post("/groups/{g}/applications", groupId),
                409, "memberId").body("rule", equalTo("J01 left without a reason: no rejoin"));
        assertEquals(1L, count("SELECT count(*) FROM memberships WHERE member_id = '" + memberId + "'"));
        assertEquals(0L, count("SELECT count(*) FROM membership_applications WHERE member_id = '" + memberId + "'"));
    }

    @Test
    void aFormerMemberWhoLeftWithAReasonMayRejoinThroughScreening() {
        String groupId = newGroup(kafka, false, "FAN");
        String memberId = TestData.newMember();
        joinMember(groupId, memberId);
        given().contentType(ContentType.JSON).body("{\"reason\":\"换工作了 / new job\"}")
                .post("/groups/{g}/members/{m}/leave", groupId, memberId)
                .then().statusCode(200).body("exitKind", equalTo("VOLUNTARY_WITH_REASON"));
        org.mockito.Mockito.doReturn(new RulesClient.RejoinAnswer(true, true, "说明原因离开，可重新申请 / may apply again",
                "J02 left with a reason: screened rejoin", "Admission", "sha256:adm",
                List.of("J02 left with a reason: screened rejoin"))).when(rules).rejoin(any());
        problem(given().contentType(ContentType.JSON).body("{\"memberId\":\"" + memberId + "\"}")
                .post("/groups/{g}/members", groupId), 409, "groupId")
                .body("type", equalTo("https://qunyun.io/problems/screening-required"))
                .body("rule", equalTo("J02 left with a reason: screened rejoin"))
                .body("tableVersion", equalTo("sha256:adm"))
                // the refusal is the Admission row's, not the group's setting (issue 23, item 5)
                .body("detail", containsString("re-entry to group " + groupId + " needs screening"))
                .body("detail", containsString("J02 left with a reason: screened rejoin"))
                .body("detail", containsString("重新入群需审核"))
                .body("detail", not(containsString("screens new members")));
        given().contentType(ContentType.JSON).body("{\"memberId\":\"" + memberId
                + "\",\"answers\":[{\"question\":\"q\",\"answer\":\"a\"}]}").post("/groups/{g}/applications", groupId)
                .then().statusCode(201).body("admissionRule", equalTo("J02 left with a reason: screened rejoin"));
    }

    @Test
    void anInvitationIntoAScreeningGroupBecomesAnApplication() {
        String from = newGroup(kafka, false, "LEAD");
        String to = newGroup(kafka, true, "CONVERSION");
        String memberId = TestData.newMember();
        joinMember(from, memberId);
        join(to, "{\"memberId\":\"" + memberId + "\",\"invitedFromGroupId\":\"" + from + "\"}")
                .statusCode(202)
                .body("state", equalTo("PENDING"))
                .body("invitedFromGroupId", equalTo(from));
        String open = newGroup(kafka, false, "FAN");
        join(open, "{\"memberId\":\"" + memberId + "\",\"invitedFromGroupId\":\"" + from + "\"}")
                .statusCode(201).body("admittedVia", equalTo("INVITATION"));
    }

    @Test
    void rulesServiceDownIsA503AndNothingIsWritten() {
        String groupId = newGroup(kafka, false, "FAN");
        String memberId = TestData.newMember();
        org.mockito.Mockito.doThrow(new ProcessingException("Connection refused")).when(rules).standing(any());
        given().contentType(ContentType.JSON).body("{\"memberId\":\"" + memberId + "\"}")
                .post("/groups/{g}/members", groupId)
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://qunyun.io/problems/rules-service-unavailable"));
        assertEquals(0L, count("SELECT count(*) FROM memberships WHERE member_id = '" + memberId + "'"));
    }

    @Test
    void aReviewerExpelsAndTheEndIsPublished() throws Exception {
        String groupId = newGroup(kafka, false, "FAN");
        String owner = newOwner(groupId);
        String memberId = TestData.newMember();
        String other = TestData.newMember();
        joinMember(groupId, memberId);
        joinMember(groupId, other);
        ConsumerTask<String, String> events = membershipEvents(groupId);
        problem(given().contentType(ContentType.JSON).body("{\"reviewerId\":\"" + other + "\",\"reason\":\"spam\"}")
                .post("/groups/{g}/members/{m}/expel", groupId, memberId), 403, "reviewerId");
        problem(given().contentType(ContentType.JSON).body("{\"reviewerId\":\"" + owner + "\"}")
                .post("/groups/{g}/members/{m}/expel", groupId, memberId), 400, "reason");
        given().contentType(ContentType.JSON).body("{\"reviewerId\":\"" + owner + "\",\"reason\":\"发广告 / ads\"}")
                .post("/groups/{g}/members/{m}/expel", groupId, memberId)
                .then().statusCode(200)
                .body("exitKind", equalTo("EXPELLED"))
                .body("exitReason", equalTo("发广告 / ads"))
                .body("exitReference", equalTo("reviewer:" + owner));
        problem(given().contentType(ContentType.JSON).body("{}")
                .post("/groups/{g}/members/{m}/leave", groupId, memberId), 404, "memberId");
        JsonNode ended = awaitEvent(events, "io.qunyun.member.membership.ended.v1");
        assertEquals("EXPELLED", ended.at("/data/exitKind").asText());
        assertEquals(memberId, ended.at("/data/memberId").asText());
        assertTrue(ended.at("/data/endedAt").isTextual());
    }

    @Test
    void aRewardsDecisionThatSaysExpelEndsTheMembershipOfTheActivitysGroup() throws Exception {
        String groupId = newGroup(kafka, false, "FAN");
        String otherGroup = newGroup(kafka, false, "FAN");
        String memberId = TestData.newMember();
        String membershipId = joinMember(groupId, memberId);
        String otherMembership = joinMember(otherGroup, memberId);
        ConsumerTask<String, String> events = membershipEvents(groupId);
        String decisionId = UUID.randomUUID().toString();
        String decision = """
                {"specversion":"1.0","id":"%1$s","type":"io.qunyun.rules.reward.decided.v1","source":"/rules-service",\
                "time":"2099-01-01T00:00:00Z","subject":"%2$s","datacontenttype":"application/json",\
                "data":{"decisionId":"%1$s","activityId":"%3$s","memberId":"%2$s","activityType":"AD_SPAM",\
                "groupId":"%4$s","occurredAt":"2099-01-01T00:00:00Z","points":-50,"basePoints":-50,"multiplier":1,\
                "reason":"屡次发广告，移出群 / Repeated ads: expelled","badge":null,"penalty":true,"expel":true,\
                "firedRules":["R21 repeated ad spam: expel"],"table":"Rewards","tableVersion":"sha256:x"}}"""
                .formatted(decisionId, memberId, UUID.randomUUID(), groupId);
        kafka.produceStrings().fromRecords(new ProducerRecord<>("reward-decisions", memberId, decision),
                new ProducerRecord<>("reward-decisions", memberId, decision)).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}/groups", memberId)
                .then().statusCode(200)
                .body("find { it.membershipId == '" + membershipId + "' }.exitKind", equalTo("EXPELLED")));
        given().get("/members/{id}/groups", memberId).then()
                .body("find { it.membershipId == '" + membershipId + "' }.exitReference",
                        equalTo("reward-decision:" + decisionId))
                .body("find { it.membershipId == '" + membershipId + "' }.exitReason",
                        equalTo("屡次发广告，移出群 / Repeated ads: expelled"))
                .body("find { it.membershipId == '" + otherMembership + "' }.leftAt", nullValue());
        JsonNode ended = awaitEvent(events, "io.qunyun.member.membership.ended.v1");
        assertEquals(membershipId, ended.at("/data/membershipId").asText());
        // the duplicate decision ended nothing more, and the ledger credited the penalty once
        assertEquals(1L, count("SELECT count(*) FROM memberships WHERE member_id = '" + memberId
                + "' AND exit_kind = 'EXPELLED'"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/members/{id}/points", memberId)
                .then().body("balance", equalTo(-50)));
    }

    @Test
    void closingAGroupEndsEveryOpenMembershipOnce() {
        String groupId = newGroup(kafka, false, "LEAD");
        String successor = newGroup(kafka, false, "CONVERSION");
        String owner = newOwner(groupId);
        List<String> ids = List.of(joinMember(groupId, TestData.newMember()), joinMember(groupId, TestData.newMember()));
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"TRANSFERRED\",\"reason\":\"引流群到期 / lead group over\",\"successorGroupId\":\"" + successor
                        + "\"}")
                .post("/groups/{g}/closure", groupId)
                .then().statusCode(200)
                .body("ended", equalTo(3));
        given().contentType(ContentType.JSON).body("{\"kind\":\"GROUP_DISSOLVED\"}")
                .post("/groups/{g}/closure", groupId)
                .then().statusCode(200).body("ended", equalTo(0));
        given().get("/groups/{g}/members", groupId).then().statusCode(200).body("items", hasSize(0));
        given().get("/members/{id}/groups", owner).then()
                .body("[0].exitKind", equalTo("TRANSFERRED"))
                .body("[0].exitReference", equalTo("successor-group:" + successor));
        assertEquals(2L, count("SELECT count(*) FROM memberships WHERE id IN ('" + String.join("','", ids)
                + "') AND exit_kind = 'TRANSFERRED'"));
    }

    @Test
    void aTransferClosesTheMovedAsTransferredAndTheOthersWithTheirOwnKind() {
        String groupId = newGroup(kafka, false, "CONVERSION");
        String successor = newGroup(kafka, false, "FAN");
        String moved = TestData.newMember();
        String dormant = TestData.newMember();
        String movedMembership = joinMember(groupId, moved);
        String dormantMembership = joinMember(groupId, dormant);
        // only the member who moved leaves as TRANSFERRED (issue 23 item 9)
        given().contentType(ContentType.JSON).body("{\"kind\":\"TRANSFERRED\",\"successorGroupId\":\"" + successor
                + "\",\"memberIds\":[\"" + moved + "\"]}")
                .post("/groups/{g}/closure", groupId).then().statusCode(200).body("ended", equalTo(1));
        given().contentType(ContentType.JSON).body("{\"kind\":\"GROUP_DISSOLVED\",\"reason\":\"not invited\"}")
                .post("/groups/{g}/closure", groupId).then().statusCode(200).body("ended", equalTo(1));
        assertEquals(1L, count("SELECT count(*) FROM memberships WHERE id = '" + movedMembership
                + "' AND exit_kind = 'TRANSFERRED'"));
        assertEquals(1L, count("SELECT count(*) FROM memberships WHERE id = '" + dormantMembership
                + "' AND exit_kind = 'GROUP_DISSOLVED' AND exit_reason = 'not invited'"));
    }

    @Test
    void aGroupsMembersArePagedWithACursorPastAThousand() {
        String groupId = newGroup(kafka, false, "FAN");
        int total = 1_050;
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                WITH new_members AS (
                    INSERT INTO members (id, source_system, external_id, display_name, created_at)
                    SELECT gen_random_uuid(), 'paging-test', :group || '-' || n, 'member ' || n, now()
                    FROM generate_series(1, :total) n
                    RETURNING id)
                INSERT INTO memberships (id, member_id, group_id, staff, layer, stage, activity_state, joined_at,
                                         admitted_via)
                SELECT gen_random_uuid(), id, CAST(:group AS uuid), false, 'PERIPHERY', 'CURIOUS', 'ACTIVE', now(), 'DIRECT'
                FROM new_members""")
                .setParameter("group", groupId)
                .setParameter("total", total)
                .executeUpdate());

        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().get("/groups/{g}/members?limit=100" + (cursor == null ? "" : "&after=" + cursor), groupId)
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.membershipId", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(total, seen.size());
        assertEquals(total, seen.stream().distinct().count());
        assertEquals(11, pages);
        List<String> sorted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT CAST(id AS text) FROM memberships WHERE group_id = CAST(:g AS uuid) ORDER BY id", String.class)
                .setParameter("g", groupId).getResultList());
        assertEquals(sorted, seen, "pages follow membership id order");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private io.restassured.response.Response decide(String groupId, String applicationId, String reviewerId,
            String outcome, String reason) {
        return given().contentType(ContentType.JSON)
                .body("{\"reviewerId\":\"" + reviewerId + "\",\"outcome\":\"" + outcome + "\",\"reason\":"
                        + (reason == null ? "null" : "\"" + reason + "\"") + "}")
                .post("/groups/{g}/applications/{a}/decision", groupId, applicationId);
    }

    private ConsumerTask<String, String> membershipEvents(String groupId) {
        return kafka.consumeStrings().fromTopics("membership-events", records -> records.filter(r -> groupId.equals(r.key())));
    }

    private JsonNode awaitEvent(ConsumerTask<String, String> events, String type) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, String> record : events.getRecords()) {
                JsonNode node = json.readTree(record.value());
                if (type.equals(node.get("type").asText())) {
                    return node;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .getSingleResult()).longValue());
    }

    static Map<String, Long> byType(List<ConsumerRecord<String, String>> records, ObjectMapper json) {
        return records.stream().map(r -> {
            try {
                return json.readTree(r.value()).get("type").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    }
}
