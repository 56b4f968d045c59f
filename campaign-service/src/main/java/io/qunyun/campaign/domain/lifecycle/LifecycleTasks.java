package io.qunyun.campaign.domain.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The tasks of lifecycle actions (invitations, notices) (a port: persistence stores them). */
public interface LifecycleTasks {

    record Task(UUID id, UUID actionId, UUID groupId, String kind, UUID memberId, String layer, int rank,
            UUID targetGroupId, String content, String status, String outcome, Instant createdAt, Instant updatedAt) {
    }

    int insertTasks(List<Task> tasks);

    List<Task> tasks(UUID groupId);

    /** Open invitations, promising members (lower rank) first; locked so two instances never send one twice. */
    List<Task> claimOpenInvitations(int limit);

    void settleTask(UUID id, String status, String outcome, Instant at);

    long openTasks(UUID actionId, String kind);

    /** An OPEN task of the kind for the group about the target group (one operator alert, not one a day). */
    boolean hasOpenGroupTask(UUID groupId, String kind, UUID targetGroupId);

    /** Settles the group's OPEN tasks of the kind (an alert whose cause an operator removed). */
    int settleGroupTasks(UUID groupId, String kind, String status, String outcome, Instant at);
}
