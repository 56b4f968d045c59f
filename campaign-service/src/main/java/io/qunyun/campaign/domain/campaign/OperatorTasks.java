package io.qunyun.campaign.domain.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.qunyun.campaign.domain.campaign.Rows.TaskRow;

/**
 * The 1:1 tasks operators do for members (a port: persistence stores them). Every method runs in the
 * caller's transaction.
 */
public interface OperatorTasks {

    int insertTasks(List<TaskRow> tasks);

    /** Tasks that count against a member's contact cap on each of the given local dates. */
    Map<UUID, Integer> tasksPerMember(List<UUID> members, LocalDate from, LocalDate to);

    Optional<TaskRow> task(UUID id);

    Optional<TaskRow> lockTask(UUID id);

    void setTaskStatus(UUID id, String status, String reason, Instant at);

    /** Keyset page (ordered by id) of tasks matching the given filters (null = any). */
    List<TaskRow> tasks(UUID assigneeId, String role, String status, UUID campaignId, UUID memberId,
            UUID after, int limit);

    /** A member left the group: every OPEN task for them there, due or not, is cancelled with the reason. */
    int cancelMemberTasks(UUID groupId, UUID memberId, String reason, Instant at);

    int cancelCampaignTasks(UUID campaignId, String reason, Instant at);

    long taskCount(UUID campaignId);
}
