package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.qunyun.member.rules.RulesClient;
import io.qunyun.member.rules.RulesClient.StandingAnswer;
import io.qunyun.member.rules.RulesClient.StandingRequest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Shared helpers of the membership tests (not a test itself). */
final class Memberships {

    static final String TABLE_VERSION = "sha256:standing-test";

    private Memberships() {
    }

    /** Publishes a group on group-changes, as campaign-service does, and waits for the replica. */
    static String newGroup(KafkaCompanion kafka, boolean screening, String type) {
        String groupId = UUID.randomUUID().toString();
        kafka.produceStrings().fromRecords(new ProducerRecord<>("group-changes", groupId,
                groupChanged(groupId, "测试群 " + groupId.substring(0, 8), type, screening, "ACTIVE",
                        Instant.now().toString()))).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/groups/{id}", groupId)
                .then().statusCode(200));
        return groupId;
    }

    static String groupChanged(String groupId, String name, String type, boolean screening, String state,
            String occurredAt) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.qunyun.campaign.group.changed.v1",\
                "source":"/campaign-service","time":"%s","subject":"%s","datacontenttype":"application/json",\
                "data":{"groupId":"%s","name":"%s","type":%s,"timeZone":"Asia/Shanghai",\
                "screeningRequired":%s,"lifespanHours":720,"state":"%s","successorGroupId":null,"occurredAt":"%s"}}"""
                .formatted(UUID.randomUUID(), occurredAt, groupId, groupId, name,
                        type == null ? "null" : "\"" + type + "\"", screening, state, occurredAt);
    }

    static ValidatableResponse join(String groupId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/groups/{g}/members", groupId).then();
    }

    static String joinMember(String groupId, String memberId) {
        return join(groupId, "{\"memberId\":\"" + memberId + "\"}").statusCode(201)
                .body("membershipId", notNullValue()).extract().path("membershipId");
    }

    /** A member who becomes the group's first reviewer (its owner): needs nobody to add them. */
    static String newOwner(String groupId) {
        String owner = TestData.newMember();
        join(groupId, "{\"memberId\":\"" + owner + "\",\"roles\":[\"OWNER\"]}").statusCode(201)
                .body("staff", equalTo(true));
        return owner;
    }

    static ValidatableResponse problem(io.restassured.response.Response response, int status, String field) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors[0].field", equalTo(field));
    }

    /**
     * rules-service answers as the shipped MemberStanding table does for the facts these tests use; the
     * table itself is tested in rules-service (regression cases).
     */
    static void answerStandingLikeTheTable(RulesClient rules) {
        lenient().when(rules.standing(any())).thenAnswer(call -> standingLikeTheTable(call.getArgument(0)));
        lenient().when(rules.rejoin(any())).thenReturn(new RulesClient.RejoinAnswer(true, false,
                "可以重新加入 / May rejoin", "J05 group dissolved: welcome back", "Admission", "sha256:admission-test",
                List.of("J05 group dissolved: welcome back")));
    }

    static StandingAnswer standingLikeTheTable(StandingRequest r) {
        String stage = r.purchases() >= 1 ? "PURCHASED" : r.interactions() >= 5 ? "UNDERSTANDS"
                : r.interactions() >= 1 ? "ACQUAINTED" : "CURIOUS";
        String state = r.daysSinceLastActivity() >= 30 ? "CHURNED" : r.daysSinceLastActivity() >= 7 ? "DORMANT" : "ACTIVE";
        String layer = r.contributions() >= 3 && r.daysSinceLastContribution() < 30 ? "INFLUENCE" : "PERIPHERY";
        return new StandingAnswer(stage, "M-" + stage, state, "A-" + state, layer, "L-" + layer, "MemberStanding",
                TABLE_VERSION, List.of("M-" + stage, "A-" + state, "L-" + layer));
    }
}
