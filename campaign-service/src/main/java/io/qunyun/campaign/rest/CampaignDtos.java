package io.qunyun.campaign.rest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.qunyun.campaign.domain.campaign.TimelinePlanner;
import io.qunyun.campaign.domain.template.Template;
import io.qunyun.campaign.domain.campaign.Rows.CampaignGroupRow;
import io.qunyun.campaign.domain.campaign.Rows.CampaignRow;
import io.qunyun.campaign.domain.campaign.Rows.StepRow;
import io.qunyun.campaign.domain.campaign.Rows.TaskRow;

/** Request and response bodies of the campaign, timeline and task endpoints. */
public final class CampaignDtos {

    private CampaignDtos() {
    }

    public record StartCampaignRequest(
            @NotBlank @Size(max = 64) String templateId,
            @Size(max = 80) String templateVersion,
            @NotEmpty @Size(max = 5000) List<@NotNull UUID> groupIds,
            @NotNull LocalDate startDate,
            @NotNull @Valid NorthStar northStar,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> relatedMetrics) {
    }

    public record NorthStar(@NotBlank @Size(max = 80) String metric,
            @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal target) {
    }

    public record DryRunRequest(@NotBlank @Size(max = 64) String templateId, @Size(max = 80) String templateVersion,
            @NotNull UUID groupId, @NotNull LocalDate startDate) {
    }

    /** @param schedulePolicy the SchedulePolicy decision the campaign took for this group (version, rows) */
    public record GroupProgress(UUID groupId, String timeZone, String currentPhase, int day, String calendarPhase,
            @JsonRawValue String schedulePolicy) {
    }

    public record CampaignView(UUID id, String templateId, String templateVersion, LocalDate startDate,
            NorthStar northStar, List<String> relatedMetrics, String state, String phase, int day, int days,
            List<GroupProgress> groups, Instant createdAt, Instant updatedAt) {

        /** Phase and day of the first group (all groups of a campaign share its calendar, in their own zones). */
        static CampaignView of(CampaignRow c, List<CampaignGroupRow> groups, Template t, Clock clock) {
            List<GroupProgress> progress = groups.stream().map(g -> {
                int day = TimelinePlanner.dayAt(c.startDate(), ZoneId.of(g.timeZone()), clock.instant());
                return new GroupProgress(g.groupId(), g.timeZone(), g.currentPhase(), day,
                        TimelinePlanner.phaseOfDay(t, day), g.schedulePolicy());
            }).toList();
            GroupProgress first = progress.isEmpty() ? null : progress.get(0);
            return new CampaignView(c.id(), c.templateId(), c.templateVersion(), c.startDate(),
                    new NorthStar(c.northStarMetric(), c.northStarTarget()), c.relatedMetrics(), c.state(),
                    first == null ? null : first.currentPhase(), first == null ? 0 : first.day(),
                    TimelinePlanner.length(t), progress, c.createdAt(), c.updatedAt());
        }
    }

    public record TimelineEntry(long id, UUID groupId, String stepId, String kind, String action, String phase,
            int day, int occurrence, UUID memberId, Instant plannedAt, Instant dueAt, String dueLocal,
            String timeZone, String state, String reason, Instant firedAt) {

        static TimelineEntry of(StepRow r, String zone) {
            return new TimelineEntry(r.id(), r.groupId(), r.stepId(), r.kind(), r.action(), r.phase(), r.day(),
                    r.occurrence(), r.memberId(), r.plannedAt(), r.dueAt(), r.localDue(), zone, r.state(),
                    r.reason(), r.firedAt());
        }
    }

    public record Timeline(UUID campaignId, List<TimelineEntry> items, String nextCursor) {
    }

    public record TaskView(UUID id, UUID campaignId, UUID groupId, String stepId, int occurrence, UUID memberId,
            UUID membershipId, UUID assigneeId, String assigneeRole, String contentRef,
            @JsonRawValue String tactic, String status, String reason, Instant dueAt, LocalDate localDate,
            Instant createdAt, Instant updatedAt) {

        static TaskView of(TaskRow t) {
            return new TaskView(t.id(), t.campaignId(), t.groupId(), t.stepId(), t.occurrence(), t.memberId(),
                    t.membershipId(), t.assigneeId(), t.assigneeRole(), t.contentRef(), t.tactic(), t.status(),
                    t.reason(), t.dueAt(), t.localDate(), t.createdAt(), t.updatedAt());
        }
    }

    public record TaskPage(List<TaskView> items, String nextCursor) {
    }

    public record SkipRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
