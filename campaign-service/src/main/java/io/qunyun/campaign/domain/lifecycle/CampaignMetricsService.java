package io.qunyun.campaign.domain.lifecycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.campaign.domain.campaign.Campaigns;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.Groups;
import io.qunyun.campaign.domain.campaign.Timeline;
import io.qunyun.campaign.domain.campaign.Rows.CampaignGroupRow;
import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;

/**
 * A campaign's north-star and related metrics per group at each METRIC_CHECKPOINT step (from the
 * campaign's start date to the checkpoint's local date, in the group's zone) against the target set
 * when the campaign started, and the phase funnel (members → active → converted, per phase).
 */
@ApplicationScoped
public class CampaignMetricsService {

    private final Campaigns campaigns;
    private final Timeline timeline;
    private final Groups groups;
    private final GroupMetricsService metrics;
    private final Clock clock;

    CampaignMetricsService(Campaigns campaigns, Timeline timeline, Groups groups,
            GroupMetricsService metrics, Clock clock) {
        this.campaigns = campaigns;
        this.timeline = timeline;
        this.groups = groups;
        this.metrics = metrics;
        this.clock = clock;
    }

    public record CampaignMetrics(UUID campaignId, String northStarMetric, BigDecimal target,
            List<String> relatedMetrics, List<GroupCampaignMetrics> groups) {
    }

    /** {@code reached} is null until the checkpoint's day has come (or when the metric is unknown). */
    public record CheckpointMetrics(String stepId, int day, LocalDate localDate, String phase, String state,
            BigDecimal northStar, Boolean reached, Map<String, BigDecimal> related) {
    }

    public record PhaseFunnel(String phase, long activeMembers, long convertedMembers, long checkIns,
            long conversions, BigDecimal revenue) {
    }

    public record GroupCampaignMetrics(UUID groupId, String timeZone, LocalDate from, LocalDate to,
            BigDecimal northStar, Boolean reached, List<CheckpointMetrics> checkpoints, List<PhaseFunnel> phases) {
    }

    public Optional<CampaignMetrics> of(UUID campaignId) {
        Optional<CampaignRow> found = campaigns.campaign(campaignId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CampaignRow c = found.get();
        List<GroupCampaignMetrics> out = new ArrayList<>();
        for (CampaignGroupRow cg : campaigns.groups(campaignId)) {
            GroupEntity group = groups.group(cg.groupId());
            LocalDate today = clock.instant().atZone(group.zone()).toLocalDate();
            LocalDate to = today.isBefore(c.startDate()) ? c.startDate() : today;
            var definitions = metrics.definitions(group);
            List<CheckpointMetrics> checkpoints = new ArrayList<>();
            for (Timeline.Checkpoint cp : timeline.checkpoints(campaignId, cg.groupId())) {
                LocalDate date = LocalDateTime.parse(cp.localDue()).toLocalDate();
                boolean due = !date.isAfter(today);
                Map<String, BigDecimal> values = due ? metrics.named(group, definitions, c.startDate(), date) : Map.of();
                BigDecimal northStar = values.get(c.northStarMetric());
                checkpoints.add(new CheckpointMetrics(cp.stepId(), cp.day(), date, cp.phase(), cp.state(), northStar,
                        reached(northStar, c.northStarTarget()), related(values, c.relatedMetrics())));
            }
            Map<String, BigDecimal> now = metrics.named(group, definitions, c.startDate(), to);
            BigDecimal northStar = now.get(c.northStarMetric());
            List<PhaseFunnel> phases = metrics.byPhase(group, definitions, c.startDate(), to).stream()
                    .map(f -> new PhaseFunnel(f.phase(), f.activeMembers(), f.convertedMembers(), f.checkIns(),
                            f.purchases(), f.revenue()))
                    .sorted(Comparator.comparing(PhaseFunnel::phase)).toList();
            out.add(new GroupCampaignMetrics(group.id, group.timeZone, c.startDate(), to, northStar,
                    reached(northStar, c.northStarTarget()), checkpoints, phases));
        }
        return Optional.of(new CampaignMetrics(c.id(), c.northStarMetric(), c.northStarTarget(), c.relatedMetrics(),
                out));
    }

    private static Boolean reached(BigDecimal value, BigDecimal target) {
        return value == null || target == null ? null : value.compareTo(target) >= 0;
    }

    private static Map<String, BigDecimal> related(Map<String, BigDecimal> values, List<String> names) {
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        for (String name : names == null ? List.<String>of() : names) {
            if (values.containsKey(name)) {
                out.put(name, values.get(name));
            }
        }
        return out;
    }
}
