package io.qunyun.member;

import static io.qunyun.member.Memberships.joinMember;
import static io.qunyun.member.Memberships.newGroup;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.member.domain.StandingService;
import io.qunyun.member.rules.RulesClient;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Stage, activity state and layer follow the member's activities in the group, as rules-service's
 * MemberStanding table answers (mocked here; the table has its own regression cases).
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class StandingTest {

    @InjectMock
    @RestClient
    RulesClient rules;

    @Inject
    StandingService standing;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** The service's clock (virtual in tests, and other test classes move it): recency is measured on it. */
    @Inject
    java.time.Clock clock;

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
    void theStageAdvancesOnActivitiesAndNeverGoesBack() throws Exception {
        String groupId = newGroup(kafka, false, "CONVERSION");
        String memberId = TestData.newMember();
        String membershipId = joinMember(groupId, memberId);
        ConsumerTask<String, String> stageEvents = kafka.consumeStrings()
                .fromTopics("member-stage-changes", records -> records.filter(r -> memberId.equals(r.key())));

        record(memberId, groupId, "CHECK_IN");
        standing.evaluateDue();
        assertStage(memberId, "ACQUAINTED");

        record(memberId, groupId, "PURCHASE");
        standing.evaluateDue();
        assertStage(memberId, "PURCHASED");

        // an analyst's edit now answers a lower stage: the membership keeps the stage it reached
        org.mockito.Mockito.doReturn(new RulesClient.StandingAnswer("ACQUAINTED", "M02 first interaction: acquainted",
                "ACTIVE", "A01", "PERIPHERY", "L03", "MemberStanding", "sha256:edited", List.of("M02")))
                .when(rules).standing(any());
        record(memberId, groupId, "SHARE");
        standing.evaluateDue();
        assertStage(memberId, "PURCHASED");

        List<Object[]> history = history(membershipId, "STAGE");
        assertEquals(2, history.size());
        assertEquals(List.of("CURIOUS", "ACQUAINTED", "M-ACQUAINTED"), List.of(history.get(0)));
        assertEquals(List.of("ACQUAINTED", "PURCHASED", "M-PURCHASED"), List.of(history.get(1)));

        stageEvents.awaitRecords(2, Duration.ofSeconds(30));
        stageEvents.stop();
        JsonNode last = json.readTree(stageEvents.getRecords().get(1).value());
        assertEquals("io.qunyun.member.stage.changed.v1", last.get("type").asText());
        assertEquals("PURCHASED", last.at("/data/stage").asText());
        assertEquals("ACQUAINTED", last.at("/data/previousStage").asText());
        assertEquals(2, stageEvents.getRecords().size());
    }

    @Test
    void theActivityStateGoesDormantWithoutActivityAndBackWithIt() throws Exception {
        String groupId = newGroup(kafka, false, "FAN");
        String memberId = TestData.newMember();
        String membershipId = joinMember(groupId, memberId);
        ConsumerTask<String, String> events = kafka.consumeStrings()
                .fromTopics("membership-events", records -> records.filter(r -> groupId.equals(r.key())));
        record(memberId, groupId, "CHECK_IN");
        standing.evaluateDue();

        // ten days without activity: the daily re-check is due and recency has moved on
        Instant now = clock.instant();
        Instant tenDaysAgo = now.minus(10, ChronoUnit.DAYS);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE memberships SET last_activity_at = :at, joined_at = :at, next_standing_check_at = :now
                WHERE id = CAST(:id AS uuid)""")
                .setParameter("at", tenDaysAgo).setParameter("now", now).setParameter("id", membershipId)
                .executeUpdate());
        standing.evaluateDue();
        given().get("/members/{id}/groups", memberId).then().body("[0].activityState", equalTo("DORMANT"));

        record(memberId, groupId, "CONTENT_POST");
        standing.evaluateDue();
        given().get("/members/{id}/groups", memberId).then().body("[0].activityState", equalTo("ACTIVE"));

        List<Object[]> history = history(membershipId, "ACTIVITY_STATE");
        assertEquals(2, history.size());
        assertEquals(List.of("ACTIVE", "DORMANT", "A-DORMANT"), List.of(history.get(0)));
        assertEquals(List.of("DORMANT", "ACTIVE", "A-ACTIVE"), List.of(history.get(1)));

        // joined, then changed to DORMANT, then changed back to ACTIVE
        events.awaitRecords(3, Duration.ofSeconds(30));
        events.stop();
        JsonNode dormant = json.readTree(events.getRecords().get(1).value());
        assertEquals("io.qunyun.member.membership.changed.v1", dormant.get("type").asText());
        assertEquals("activityState", dormant.at("/data/changes/0/field").asText());
        assertEquals("ACTIVE", dormant.at("/data/changes/0/from").asText());
        assertEquals("DORMANT", dormant.at("/data/changes/0/to").asText());
        assertEquals("A-DORMANT", dormant.at("/data/changes/0/decidedBy").asText());
    }

    @Test
    void anActivityOutsideTheMembersGroupsChangesNoMembership() {
        String groupId = newGroup(kafka, false, "FAN");
        String memberId = TestData.newMember();
        joinMember(groupId, memberId);
        // refused since issue 23 (an activity names a group its member is in), and so it changes nothing
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("PURCHASE", UUID.randomUUID().toString(), clock.instant().toString(),
                        UUID.randomUUID().toString()))
                .post("/members/{id}/activities", memberId)
                .then().statusCode(422).body("errors[0].field", equalTo("groupId"));
        standing.evaluateDue();
        given().get("/members/{id}/groups", memberId).then().body("[0].stage", equalTo("CURIOUS"));
    }

    @Test
    void theTimelineListsActivitiesMembershipsAndStandingChangesNewestFirst() {
        String groupId = newGroup(kafka, false, "FAN");
        String memberId = TestData.newMember();
        String membershipId = joinMember(groupId, memberId);
        record(memberId, groupId, "CHECK_IN");
        standing.evaluateDue();
        given().contentType(ContentType.JSON).body("{\"reason\":\"搬家了 / moved away\"}")
                .post("/groups/{g}/members/{m}/leave", groupId, memberId).then().statusCode(200);

        List<String> kinds = new java.util.ArrayList<>();
        List<Instant> times = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = given().get("/members/{id}/timeline?limit=2" + (cursor == null ? "" : "&after=" + cursor), memberId)
                    .then().statusCode(200).extract().jsonPath();
            kinds.addAll(page.getList("items.kind", String.class));
            page.getList("items.at", String.class).forEach(t -> times.add(Instant.parse(t)));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(java.util.Set.of("MEMBERSHIP_ENDED", "STAGE", "ACTIVITY", "MEMBERSHIP_JOINED"),
                new java.util.HashSet<>(kinds));
        assertEquals(4, kinds.size());
        assertEquals("MEMBERSHIP_ENDED", kinds.get(0));
        for (int i = 1; i < times.size(); i++) {
            org.junit.jupiter.api.Assertions.assertFalse(times.get(i).isAfter(times.get(i - 1)), "newest first");
        }
        given().get("/members/{id}/timeline", memberId).then()
                .body("items[0].id", equalTo(membershipId))
                .body("items[0].type", equalTo("VOLUNTARY_WITH_REASON"))
                .body("items[0].reason", equalTo("搬家了 / moved away"));

        Memberships.problem(given().get("/members/{id}/timeline?after=not-a-cursor", memberId), 400, "after");
        Memberships.problem(given().get("/members/{id}/timeline?limit=0", memberId), 400, "limit");
        Memberships.problem(given().get("/members/{id}/timeline", UUID.randomUUID()), 404, "id");
    }

    private void record(String memberId, String groupId, String type) {
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson(type, groupId, clock.instant().toString(), UUID.randomUUID().toString()))
                .post("/members/{id}/activities", memberId)
                .then().statusCode(201);
    }

    private void assertStage(String memberId, String stage) {
        given().get("/members/{id}/groups", memberId).then().statusCode(200).body("[0].stage", equalTo(stage));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> history(String membershipId, String dimension) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                SELECT from_value, to_value, decided_by FROM membership_history
                WHERE membership_id = CAST(:id AS uuid) AND dimension = :d ORDER BY id""")
                .setParameter("id", membershipId).setParameter("d", dimension).getResultList());
    }
}
