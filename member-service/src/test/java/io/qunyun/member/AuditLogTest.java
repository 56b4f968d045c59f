package io.qunyun.member;

import static io.qunyun.member.Memberships.join;
import static io.qunyun.member.Memberships.joinMember;
import static io.qunyun.member.Memberships.newGroup;
import static io.qunyun.member.Memberships.newOwner;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.member.domain.LedgerService;
import io.qunyun.member.domain.MembershipExits;
import io.qunyun.member.domain.RewardDecision;
import io.qunyun.platform.audit.Actor;
import io.qunyun.member.rules.RulesClient;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Each action of member-service writes exactly one entry naming the caller (or the system and its cause), the
 * action and its target; refused requests write none. What every service's audit log does alike (transactions,
 * append-only table, filters, pages, admins only) is AuditContractTest (platform-testkit AuditLogContract).
 */
@QuarkusTest
@TestSecurity(user = "audit-test", roles = "admin")
class AuditLogTest {

    static final String ACTOR = "audit-test";

    @InjectMock
    @RestClient
    RulesClient rules;

    @Inject
    MembershipExits memberships;

    @Inject
    LedgerService ledger;

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
    void joiningLeavingAndBeingExpelledWriteOneEntryEach() {
        String groupId = newGroup(kafka, false, "FAN");
        String owner = newOwner(groupId);
        String memberId = TestData.newMember();
        String membershipId = joinMember(groupId, memberId);

        Map<String, Object> joined = only(entries("targetId", membershipId));
        assertEquals(ACTOR, joined.get("actor"));
        assertEquals(List.of("admin"), joined.get("actorRoles"));
        assertNull(joined.get("cause"));
        assertEquals("membership.joined", joined.get("action"));
        assertEquals("membership", joined.get("targetType"));
        assertEquals(memberId, detail(joined).get("memberId"));
        assertEquals(groupId, detail(joined).get("groupId"));
        assertEquals("DIRECT", detail(joined).get("admittedVia"));

        long newest = newestOf(ACTOR);
        join(groupId, "{\"memberId\":\"" + memberId + "\"}").statusCode(409);
        assertEquals(newest, newestOf(ACTOR), "a refused join writes no entry");

        given().contentType(ContentType.JSON).body("{\"reason\":\"moving to another city\"}")
                .post("/groups/{g}/members/{m}/leave", groupId, memberId).then().statusCode(200);
        List<Map<String, Object>> ofMembership = entries("targetId", membershipId);
        assertEquals(List.of("membership.exited", "membership.joined"), ofMembership.stream().map(e -> e.get("action")).toList());
        assertEquals("VOLUNTARY_WITH_REASON", detail(ofMembership.get(0)).get("exitKind"));
        assertEquals("moving to another city", detail(ofMembership.get(0)).get("reason"));

        String expelled = TestData.newMember();
        String expelledMembership = joinMember(groupId, expelled);
        newest = newestOf(ACTOR);
        given().contentType(ContentType.JSON).body("{\"reviewerId\":\"" + owner + "\"}")
                .post("/groups/{g}/members/{m}/expel", groupId, expelled).then().statusCode(400);
        assertEquals(newest, newestOf(ACTOR), "an expulsion without a reason is refused and writes no entry");
        given().contentType(ContentType.JSON).body("{\"reviewerId\":\"" + owner + "\",\"reason\":\"spam links\"}")
                .post("/groups/{g}/members/{m}/expel", groupId, expelled).then().statusCode(200);
        Map<String, Object> expulsion = only(entries("targetId", expelled));
        assertEquals("member.expelled", expulsion.get("action"));
        assertEquals("member", expulsion.get("targetType"));
        assertEquals(ACTOR, expulsion.get("actor"));
        assertEquals(owner, detail(expulsion).get("reviewerId"));
        assertEquals(expelledMembership, detail(expulsion).get("membershipId"));
        assertEquals("spam links", detail(expulsion).get("reason"));
    }

    @Test
    void anExpulsionOnARewardsDecisionIsTheSystemsWithTheConsumerAsCause() {
        String groupId = newGroup(kafka, false, "FAN");
        String memberId = TestData.newMember();
        String membershipId = joinMember(groupId, memberId);
        UUID decisionId = UUID.randomUUID();
        RewardDecision spam = new RewardDecision(decisionId, UUID.randomUUID(), UUID.fromString(memberId), "SPAM", -50,
                "广告刷屏 / spam", List.of("R09 spam"), "sha256:rewards", null, UUID.fromString(groupId), true, true, null);

        assertEquals(1, memberships.expelOnDecisions(List.of(spam)));
        assertEquals(0, memberships.expelOnDecisions(List.of(spam)), "a replay ends nothing");

        Map<String, Object> entry = only(entries("targetId", memberId));
        assertEquals("member.expelled", entry.get("action"));
        assertEquals(Actor.SYSTEM, entry.get("actor"));
        assertEquals(List.of(), entry.get("actorRoles"));
        assertEquals("consumer:reward-decisions", entry.get("cause"));
        assertEquals(decisionId.toString(), detail(entry).get("decisionId"));
        assertEquals(membershipId, detail(entry).get("membershipId"));
        assertEquals("sha256:rewards", detail(entry).get("tableVersion"));
    }

    @Test
    void admissionIsRecordedAppliedApprovedAndRejected() {
        String groupId = newGroup(kafka, true, "CORE_FANS");
        String owner = newOwner(groupId);
        String applicant = TestData.newMember();
        String applicationId = apply(groupId, applicant);
        decide(groupId, applicationId, owner, "APPROVED", null).then().statusCode(200);
        List<Map<String, Object>> approved = entries("targetId", applicationId);
        assertEquals(List.of("admission.approved", "admission.applied"), approved.stream().map(e -> e.get("action")).toList());
        assertEquals("admission", approved.get(0).get("targetType"));
        assertEquals(owner, detail(approved.get(0)).get("reviewerId"));
        assertEquals("SCREENED", detail(approved.get(0)).get("admittedVia"));

        String rejected = apply(groupId, TestData.newMember());
        long newest = newestOf(ACTOR);
        decide(groupId, rejected, owner, "REJECTED", " ").then().statusCode(400);
        assertEquals(newest, newestOf(ACTOR), "a rejection without a reason is refused and writes no entry");
        decide(groupId, rejected, owner, "REJECTED", "did not answer").then().statusCode(200);
        Map<String, Object> rejection = entries("targetId", rejected).get(0);
        assertEquals("admission.rejected", rejection.get("action"));
        assertEquals("did not answer", detail(rejection).get("reason"));
        assertEquals(2, entries("targetId", rejected).size());
    }

    @Test
    void aRedemptionIsRecordedOnceAndARefusedOneNot() {
        String memberId = TestData.newMember();
        ledger.credit(List.of(new RewardDecision(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(memberId),
                "PURCHASE", 100, "test credit", List.of("R05 purchase"), "sha256:x", java.time.Instant.now(), null, false,
                false, null)));
        String rewardId = given().contentType(ContentType.JSON)
                .body("{\"code\":\"audit-%s\",\"name\":\"Mug\",\"cost\":30}".formatted(UUID.randomUUID()))
                .post("/rewards").then().statusCode(201).extract().path("id");
        assertEquals("reward.created", only(entries("targetId", rewardId)).get("action"));

        String body = "{\"rewardId\":\"" + rewardId + "\",\"idempotencyKey\":\"audit-" + UUID.randomUUID() + "\"}";
        String redemptionId = given().contentType(ContentType.JSON).body(body).post("/members/{id}/redemptions", memberId)
                .then().statusCode(201).extract().path("redemptionId");
        given().contentType(ContentType.JSON).body(body).post("/members/{id}/redemptions", memberId).then().statusCode(200);
        Map<String, Object> redemption = only(entries("targetId", redemptionId));
        assertEquals("redemption.made", redemption.get("action"));
        assertEquals(memberId, detail(redemption).get("memberId"));
        assertEquals(30, detail(redemption).get("cost"));

        String expensive = given().contentType(ContentType.JSON)
                .body("{\"code\":\"audit-%s\",\"name\":\"Bike\",\"cost\":100000}".formatted(UUID.randomUUID()))
                .post("/rewards").then().statusCode(201).extract().path("id");
        long newest = newestOf(ACTOR);
        given().contentType(ContentType.JSON)
                .body("{\"rewardId\":\"" + expensive + "\",\"idempotencyKey\":\"audit-" + UUID.randomUUID() + "\"}")
                .post("/members/{id}/redemptions", memberId).then().statusCode(409);
        assertEquals(newest, newestOf(ACTOR), "a redemption refused for insufficient points writes no entry");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static List<Map<String, Object>> entries(String... filters) {
        var request = given();
        for (int i = 0; i < filters.length; i += 2) {
            request.queryParam(filters[i], filters[i + 1]);
        }
        return request.get("/audit").then().statusCode(200).extract().path("items");
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

    private static String apply(String groupId, String memberId) {
        return given().contentType(ContentType.JSON)
                .body("{\"memberId\":\"" + memberId + "\",\"answers\":[{\"question\":\"why\",\"answer\":\"to run\"}]}")
                .post("/groups/{g}/applications", groupId).then().statusCode(201).extract().path("applicationId");
    }

    private static io.restassured.response.Response decide(String groupId, String applicationId, String reviewerId,
            String outcome, String reason) {
        return given().contentType(ContentType.JSON)
                .body("{\"reviewerId\":\"" + reviewerId + "\",\"outcome\":\"" + outcome + "\",\"reason\":"
                        + (reason == null ? "null" : "\"" + reason + "\"") + "}")
                .post("/groups/{g}/applications/{a}/decision", groupId, applicationId);
    }

}
