package io.qunyun.campaign.domain.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.qunyun.campaign.config.LifecycleConfig;
import io.qunyun.campaign.domain.lifecycle.GroupMetricsService.DefinitionsUnavailableException;
import io.qunyun.campaign.domain.CampaignRules;
import io.qunyun.campaign.domain.CampaignRules.MetricDefinitions;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.Groups;
import io.qunyun.campaign.domain.campaign.Campaigns;

/**
 * A MetricDefinitions answer without its lists (what a stub rules-service answers, e.g. the one of
 * CampaignInstancesIT, which gives every question the same body) made the lifecycle job's metrics
 * report fail with a NullPointerException. Such an answer does not say how to count: it is refused
 * like an unreachable rules-service (nothing reported, the next run asks again), never counted as
 * "nobody is active", which GroupHealth would judge as a dead group.
 */
class MetricDefinitionsAnswerTest {

    static final Instant NOW = Instant.parse("2027-06-02T00:00:00Z");

    GroupFacts facts = mock(GroupFacts.class);
    MetricsReports reports = mock(MetricsReports.class);
    Groups groups = mock(Groups.class);
    CampaignRules rules = mock(CampaignRules.class);
    GroupLifecycleEvents events = mock(GroupLifecycleEvents.class);
    GroupLifecycle lifecycle = mock(GroupLifecycle.class);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    GroupMetricsService metrics = new GroupMetricsService(facts, mock(Roster.class), mock(Campaigns.class), reports,
            groups, rules, events, clock);
    GroupEntity group = new GroupEntity();

    @BeforeEach
    void aGroupWithAClosedDay() {
        group.id = UUID.randomUUID();
        group.type = "CONVERSION";
        group.timeZone = "Asia/Shanghai";
        group.createdAt = OffsetDateTime.parse("2027-05-01T00:00:00Z");
        when(groups.group(group.id)).thenReturn(group);
        when(groups.reportableGroups()).thenReturn(List.of(group.id));
        when(reports.markReported(any(), any(), any(), any())).thenReturn(true);
    }

    static MetricDefinitions answer(List<String> active, List<String> converted) {
        return new MetricDefinitions(0, active, converted, null, null, null, null);
    }

    @Test
    void anAnswerWithoutActiveTypesIsNoAnswer() {
        when(rules.metricDefinitions(any())).thenReturn(answer(null, null));
        var e = assertThrows(DefinitionsUnavailableException.class, () -> metrics.definitions(group));
        assertTrue(e.getMessage().contains("activeTypes"), e.getMessage());
    }

    @Test
    void anAnswerWithoutConvertedTypesOrBodyIsNoAnswer() {
        when(rules.metricDefinitions(any())).thenReturn(answer(List.of("CHECK_IN"), null));
        assertTrue(assertThrows(DefinitionsUnavailableException.class, () -> metrics.definitions(group)).getMessage()
                .contains("convertedTypes"));
        when(rules.metricDefinitions(any())).thenReturn(null);
        assertTrue(assertThrows(DefinitionsUnavailableException.class, () -> metrics.definitions(group)).getMessage()
                .contains("a body"));
    }

    @Test
    void aCompleteAnswerIsUsedAsItIs() {
        MetricDefinitions complete = new MetricDefinitions(7, List.of("CHECK_IN"), List.of(), "D09", "MetricDefinitions",
                "sha256:x", List.of("D09"));
        when(rules.metricDefinitions(any())).thenReturn(complete);
        assertEquals(complete, metrics.definitions(group), "an empty list is an answer: nothing converts");
    }

    @Test
    void theReportOfAClosedDayIsNotMadeFromAnIncompleteAnswer() {
        when(rules.metricDefinitions(any())).thenReturn(answer(null, null));
        // before the fix: NullPointerException from the window's active types
        assertThrows(DefinitionsUnavailableException.class, metrics::reportClosedDays);
        verify(events, never()).metricsReported(any(), any(), any());
    }

    @Test
    void theLifecycleJobGoesOnWithTheRestOfItsRun() {
        when(rules.metricDefinitions(any())).thenReturn(answer(null, null));
        UUID expired = UUID.randomUUID();
        LifecycleConfig config = mock(LifecycleConfig.class);
        when(config.expiryGroupTypes()).thenReturn(List.of("LEAD"));
        when(config.inviteBatch()).thenReturn(10);
        when(groups.expiredGroups(List.of("LEAD"), NOW)).thenReturn(List.of(expired));
        LifecycleJob job = new LifecycleJob(metrics, lifecycle, groups, mock(LifecycleActions.class),
                mock(LifecycleTasks.class), mock(Memberships.class), config, clock);
        job.runOnce();
        verify(events, never()).metricsReported(any(), any(), any());
        verify(lifecycle).expire(expired);
    }
}
