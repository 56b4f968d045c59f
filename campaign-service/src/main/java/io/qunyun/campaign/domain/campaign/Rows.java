package io.qunyun.campaign.domain.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Campaigns, their groups, timeline rows, operator tasks and touches, as the campaign stores keep them. */
public final class Rows {

    private Rows() {
    }

    public record CampaignRow(UUID id, String templateId, String templateVersion, LocalDate startDate,
            String northStarMetric, BigDecimal northStarTarget, List<String> relatedMetrics, String state,
            Instant createdAt, Instant updatedAt) {
    }

    /** @param schedulePolicy the SchedulePolicy decision as JSON; null for campaigns started before the table */
    public record CampaignGroupRow(UUID campaignId, UUID groupId, String timeZone, String currentPhase,
            String schedulePolicy) {
    }

    public record StepRow(long id, UUID campaignId, UUID groupId, String stepId, int occurrence, String target,
            UUID memberId, String kind, String action, String phase, int day, Instant plannedAt, Instant dueAt,
            String localDue, long stalenessSeconds, String state, String reason, String cursor, Instant firedAt) {
    }

    public record TaskRow(UUID id, long campaignStepId, UUID campaignId, UUID groupId, String stepId, int occurrence,
            UUID memberId, UUID membershipId, UUID assigneeId, String assigneeRole, String contentRef, String tactic,
            String status, String reason, Instant dueAt, LocalDate localDate, Instant createdAt, Instant updatedAt) {
    }

    public record TouchRow(UUID id, long campaignStepId, UUID campaignId, UUID groupId, String stepId,
            int occurrence, String action, String localMonth, Instant createdAt) {
    }
}
