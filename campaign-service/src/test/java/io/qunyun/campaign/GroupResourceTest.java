package io.qunyun.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.campaign.domain.AidassStage;
import io.qunyun.campaign.rules.RulesClient;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HDecision;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HQuestion;
import io.qunyun.campaign.domain.CampaignRules.Finding;
import io.qunyun.campaign.domain.CampaignRules.PositioningDecision;
import io.qunyun.campaign.domain.CampaignRules.PositioningQuestion;
import io.qunyun.campaign.persistence.GroupRepository;
import io.restassured.http.ContentType;

/**
 * campaign-service's own behaviour with rules-service replaced by a mock: validation, storage,
 * BLOCK handling and rules-service outages. The real exchange is covered by PlatformIT.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class GroupResourceTest {

    static final String LEAD_GROUP = """
            {"name": "7天减脂打卡 引流群 #12", "platform": "WECOM",
             "aidass": {"from": "INTEREST", "to": "DESIRE"},
             "fiveW1H": {"why": "fill the camp", "what": "free 7-day plan", "where": "WeCom",
                         "who": "office workers", "when": {"lifecycleHours": 72}, "how": "IN_GROUP_CONVERSION"}}
            """;

    @InjectMock
    @RestClient
    RulesClient rules;

    @Inject
    GroupRepository groups;

    final PositioningDecision lead = new PositioningDecision("LEAD", 48, "LIGHT", "TRANSACTION",
            "GroupPositioning", "sha256:aa", List.of("P01 interest to desire is a lead group"));

    @BeforeEach
    void rulesAnswer() {
        when(rules.positioning(any())).thenReturn(lead);
        when(rules.fiveW1H(any())).thenReturn(new FiveW1HDecision(false,
                List.of(new Finding("WARN", "LEAD_TOO_LONG", "引流群超过48小时 / lead group over 48 h", "F08")),
                "FiveW1H", "sha256:bb", List.of("F08")));
    }

    @Test
    void createsGroupWithTypeLifespanAndWarnings() {
        String id = given().contentType(ContentType.JSON).body(LEAD_GROUP)
                .when().post("/groups")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/groups/"))
                .body("type", equalTo("LEAD"))
                .body("lifespanHours", equalTo(48))
                .body("intensity", equalTo("LIGHT"))
                .body("findings[0].code", equalTo("LEAD_TOO_LONG"))
                .body("decisions.positioning.firedRules", contains("P01 interest to desire is a lead group"))
                .body("decisions.fiveW1H.tableVersion", equalTo("sha256:bb"))
                .extract().path("id");

        given().when().get("/groups/" + id)
                .then().statusCode(200)
                .body("name", equalTo("7天减脂打卡 引流群 #12"))
                .body("aidass.from", equalTo("INTEREST"))
                .body("fiveW1H.lifecycleHours", equalTo(72))
                .body("fiveW1H.how", equalTo("IN_GROUP_CONVERSION"))
                .body("findings[0].severity", equalTo("WARN"));

        // The type the table decided is what the 5W1H check was asked about.
        verify(rules).fiveW1H(new FiveW1HQuestion("LEAD", false, "fill the camp", "free 7-day plan", "WeCom",
                "office workers", 72, io.qunyun.campaign.domain.Monetization.IN_GROUP_CONVERSION));
        verify(rules).positioning(new PositioningQuestion(AidassStage.INTEREST, AidassStage.DESIRE, false));
    }

    @Test
    void blockFindingRejectsWith422AndStoresNothing() {
        when(rules.fiveW1H(any())).thenReturn(new FiveW1HDecision(true,
                List.of(new Finding("BLOCK", "NO_LIFECYCLE", "没有生命周期 / no lifecycle", "F01")),
                "FiveW1H", "sha256:bb", List.of("F01")));
        long before = count();

        given().contentType(ContentType.JSON).body(LEAD_GROUP.replace("\"when\": {\"lifecycleHours\": 72}, ", ""))
                .when().post("/groups")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("findings[0].code", equalTo("NO_LIFECYCLE"))
                .body("findings[0].severity", equalTo("BLOCK"))
                .body("firedRules", hasItem("F01"));

        assertEquals(before, count());
    }

    @Test
    void rulesServiceDownAnswers503AndStoresNothing() {
        when(rules.positioning(any())).thenThrow(new ProcessingException("connection refused"));
        long before = count();

        given().contentType(ContentType.JSON).body(LEAD_GROUP)
                .when().post("/groups")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://qunyun.io/problems/rules-service-unavailable"));

        assertEquals(before, count());
    }

    @Test
    void invalidRequestsNameTheFieldAndChangeNothing() {
        long before = count();
        expectBadField(LEAD_GROUP.replace("\"name\": \"7天减脂打卡 引流群 #12\", ", ""), "name");
        expectBadField(LEAD_GROUP.replace("\"WECOM\"", "\"MYSPACE\""), "platform");
        expectBadField(LEAD_GROUP.replace("\"from\": \"INTEREST\"", "\"from\": \"SHARE\""), "aidass.to");
        expectBadField(LEAD_GROUP.replace("\"from\": \"INTEREST\", ", ""), "aidass.from");
        expectBadField(LEAD_GROUP.replace("\"lifecycleHours\": 72", "\"lifecycleHours\": -1"),
                "fiveW1H.when.lifecycleHours");
        expectBadField(LEAD_GROUP.replace("\"lifecycleHours\": 72", "\"lifecycleHours\": \"soon\""),
                "fiveW1H.when.lifecycleHours");
        expectBadField("{\"name\": ", "body");
        assertEquals(before, count());
        verify(rules, never()).positioning(any());
    }

    @Test
    void unknownGroupIs404Problem() {
        given().when().get("/groups/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("errors", nullValue());
    }

    private static void expectBadField(String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/groups")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    private long count() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> groups.count());
    }
}
