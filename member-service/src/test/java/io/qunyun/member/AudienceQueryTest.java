package io.qunyun.member;

import static io.qunyun.member.Memberships.joinMember;
import static io.qunyun.member.Memberships.newGroup;
import static io.qunyun.member.Memberships.newOwner;
import static io.qunyun.member.Memberships.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.member.rules.RulesClient;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** POST /audiences/query as campaign-service calls it (contract). */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class AudienceQueryTest {

    @InjectMock
    @RestClient
    RulesClient rules;

    @Inject
    EntityManager entityManager;

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
    void filtersMembersOfSeveralGroupsAndPagesInMembershipIdOrder() {
        String a = newGroup(kafka, false, "FAN");
        String b = newGroup(kafka, false, "CONVERSION");
        String owner = newOwner(a);
        String m1 = TestData.newMember();
        String m2 = TestData.newMember();
        String m3 = TestData.newMember();
        String s1 = joinMember(a, m1);
        String s2 = joinMember(a, m2);
        String s3 = joinMember(b, m3);
        // m2 checked in today and is core; m3 has been inactive for 10 days
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("UPDATE memberships SET layer = 'CORE', last_check_in_at = now(), "
                    + "last_activity_at = now() WHERE id = CAST(:id AS uuid)").setParameter("id", s2).executeUpdate();
            entityManager.createNativeQuery("UPDATE memberships SET joined_at = :t, last_activity_at = :t "
                    + "WHERE id = CAST(:id AS uuid)").setParameter("t", Instant.now().minus(10, ChronoUnit.DAYS))
                    .setParameter("id", s3).executeUpdate();
        });

        query("{\"groupIds\":[\"%s\",\"%s\"]}".formatted(a, b)).statusCode(200)
                .body("items.membershipId", containsInAnyOrder(s1, s2, s3))
                .body("items.staff", containsInAnyOrder(false, false, false))
                .body("nextCursor", nullValue());
        query("{\"groupIds\":[\"%s\"],\"staff\":true}".formatted(a)).statusCode(200)
                .body("items.memberId", containsInAnyOrder(owner));
        query("{\"groupIds\":[\"%s\",\"%s\"],\"layers\":[\"CORE\"]}".formatted(a, b)).statusCode(200)
                .body("items.membershipId", containsInAnyOrder(s2));
        query("{\"groupIds\":[\"%s\",\"%s\"],\"notCheckedInToday\":true}".formatted(a, b)).statusCode(200)
                .body("items.membershipId", containsInAnyOrder(s1, s3));
        query("{\"groupIds\":[\"%s\",\"%s\"],\"inactiveDays\":7}".formatted(a, b)).statusCode(200)
                .body("items.membershipId", containsInAnyOrder(s3));
        query("{\"groupIds\":[\"%s\"],\"staff\":true,\"roles\":[\"OWNER\"]}".formatted(a)).statusCode(200)
                .body("items", hasSize(1));
        query("{\"groupIds\":[\"%s\"],\"tiers\":[\"CORE\"]}".formatted(a)).statusCode(200).body("items", hasSize(0));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = query("{\"groupIds\":[\"%s\",\"%s\"],\"limit\":1%s}".formatted(a, b,
                    cursor == null ? "" : ",\"after\":\"" + cursor + "\"")).statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.membershipId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<String> sorted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT CAST(id AS text) FROM memberships WHERE id IN (CAST(:a AS uuid), CAST(:b AS uuid), CAST(:c AS uuid)) "
                        + "ORDER BY id", String.class).setParameter("a", s1).setParameter("b", s2).setParameter("c", s3)
                .getResultList());
        assertEquals(sorted, paged);
    }

    @Test
    void invalidQueriesNameTheField() {
        problem(given().contentType(ContentType.JSON).body("{}").post("/audiences/query"), 400, "groupIds");
        problem(given().contentType(ContentType.JSON).body("{\"groupIds\":[]}").post("/audiences/query"), 400, "groupIds");
        String group = UUID.randomUUID().toString();
        problem(given().contentType(ContentType.JSON).body("{\"groupIds\":[\"" + group + "\"],\"limit\":10001}")
                .post("/audiences/query"), 400, "limit");
        problem(given().contentType(ContentType.JSON).body("{\"groupIds\":[\"" + group + "\"],\"inactiveDays\":0}")
                .post("/audiences/query"), 400, "inactiveDays");
        problem(given().contentType(ContentType.JSON).body("{\"groupIds\":[\"" + group + "\"],\"layers\":[\"OUTER\"]}")
                .post("/audiences/query"), 400, "layers[0]");
        problem(given().contentType(ContentType.JSON).body("{\"groupIds\":[\"" + group + "\"],\"after\":\"x\"}")
                .post("/audiences/query"), 400, "after");
    }

    private static io.restassured.response.ValidatableResponse query(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/audiences/query").then();
    }
}
