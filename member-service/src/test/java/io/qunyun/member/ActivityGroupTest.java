package io.qunyun.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Issue 23, item 1: an activity's group must be one its member was in when it happened. A random group, a group
 * never joined and a membership that had ended earned the in-group rate (R02) before; now they are 422 naming
 * groupId and write nothing.
 */
@QuarkusTest
@TestSecurity(user = "test", roles = "admin")
class ActivityGroupTest {

    private static final String NOT_A_MEMBER = "https://qunyun.io/problems/not-a-group-member";

    @Inject
    EntityManager em;

    @Test
    void anActivityInAGroupTheMemberWasNotInIsRefusedNamingGroupId() {
        String member = TestData.newMember();
        String group = UUID.randomUUID().toString();
        TestData.memberSince(member, group, "2026-11-01T00:00:00Z");
        String left = UUID.randomUUID().toString();
        TestData.memberSince(member, left, "2026-10-01T00:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE memberships SET left_at = '2026-11-10T00:00:00Z', exit_kind = 'GROUP_DISSOLVED'
                WHERE member_id = CAST(?1 AS uuid) AND group_id = CAST(?2 AS uuid)""")
                .setParameter(1, member).setParameter(2, left).executeUpdate());

        // in the group since 11-01: recorded
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("CHECK_IN", group, "2026-11-21T08:00:00Z", "in"))
                .post("/members/{id}/activities", member).then().statusCode(201).body("groupId", equalTo(group));
        // invented group, before the join, after the membership ended
        for (String[] c : new String[][] { { UUID.randomUUID().toString(), "2026-11-21T09:00:00Z" },
                { group, "2026-10-31T23:59:59Z" }, { left, "2026-11-21T09:00:00Z" } }) {
            given().contentType(ContentType.JSON).body(TestData.activityJson("CHECK_IN", c[0], c[1], "k-" + UUID.randomUUID()))
                    .post("/members/{id}/activities", member).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo(NOT_A_MEMBER))
                    .body("errors[0].field", equalTo("groupId"))
                    .body("detail", containsString("held no membership of group " + c[0]));
        }
        // the ended membership still covers what happened while it was open
        given().contentType(ContentType.JSON)
                .body(TestData.activityJson("SHARE", left, "2026-11-09T09:00:00Z", "while-in"))
                .post("/members/{id}/activities", member).then().statusCode(201);
        // a batch is refused whole, naming the item
        given().contentType(ContentType.JSON).body("""
                {"activities":[{"memberId":"%1$s","type":"SHARE","occurredAt":"2026-11-21T08:00:00Z","idempotencyKey":"b1"},
                {"memberId":"%1$s","type":"CHECK_IN","groupId":"%2$s","occurredAt":"2026-11-21T08:00:00Z",
                 "idempotencyKey":"b2"}]}""".formatted(member, UUID.randomUUID()))
                .post("/activities/batch").then().statusCode(422)
                .body("type", equalTo(NOT_A_MEMBER))
                .body("errors[0].field", equalTo("activities[1].groupId"));
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM activities WHERE member_id = CAST(?1 AS uuid)").setParameter(1, member)
                .getSingleResult()).longValue()));
    }
}
