package io.qunyun.campaign;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.InjectMock;
import org.junit.jupiter.api.Order;

import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.campaign.member.MemberClient;
import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.member.MembershipClient;
import io.qunyun.campaign.member.MembershipClient.Closure;
import io.qunyun.campaign.member.MembershipClient.ClosureRequest;
import io.qunyun.campaign.rules.RulesClient;
import io.qunyun.campaign.domain.CampaignRules.FiveW1HDecision;
import io.qunyun.campaign.domain.CampaignRules.PositioningDecision;
import io.qunyun.testkit.FuzzContract;

/**
 * campaign-service's operations fuzzed from its OpenAPI document (see the contract): no 5xx, every error a
 * problem document of docs/errors.md, no write by a rejected request. rules-service and member-service are
 * mocks answering like the shipped tables and an empty group (never "down": a 503 would be a defect). It runs
 * last in the main profile, so the fuzz's groups, campaigns and clock moves reach no other test.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE) // last of its profile: io.qunyun.testkit.OrderThenClassName
class FuzzTest extends FuzzContract {

    @InjectMock
    @RestClient
    RulesClient rules;

    @InjectMock
    @RestClient
    MemberClient audiences;

    @InjectMock
    @RestClient
    MembershipClient memberships;

    @BeforeEach
    void dependenciesAnswer() {
        when(rules.positioning(any())).thenReturn(new PositioningDecision("CONVERSION", 720, "HIGH", "TRANSACTION",
                "GroupPositioning", "sha256:fuzz", List.of("P02 camp")));
        when(rules.fiveW1H(any())).thenReturn(new FiveW1HDecision(false, List.of(), "FiveW1H", "sha256:fuzz",
                List.of()));
        when(rules.touch(any())).thenReturn(new io.qunyun.campaign.domain.CampaignRules.TouchDecision("chat", "ONE_ON_ONE_CHAT", "STEWARD", "HIGH",
                "S03", "TouchStrategy", "sha256:fuzz"));
        when(rules.schedulePolicy(any())).thenReturn(new io.qunyun.campaign.domain.CampaignRules.SchedulePolicyDecision("22:00", "08:00", 2,
                "DEFER", 120, 30, List.of("CORE", "INFLUENCE"), null, "Q01", "sha256:fuzz", List.of("Q01")));
        when(rules.metricDefinitions(any())).thenReturn(new io.qunyun.campaign.domain.CampaignRules.MetricDefinitions(7,
                List.of("CHECK_IN", "CONTENT_POST", "SHARE", "PURCHASE"), List.of("PURCHASE"), "D09", "MetricDefinitions",
                "sha256:fuzz", List.of()));
        when(audiences.query(any())).thenReturn(new AudiencePage(List.of(), null));
        when(memberships.invite(any(), any())).thenAnswer(inv -> Response.status(201).build());
        when(memberships.close(any(), any())).thenAnswer(inv -> {
            ClosureRequest request = inv.getArgument(1);
            return new Closure(inv.getArgument(0), request.kind(), 0, List.of());
        });
    }

}
