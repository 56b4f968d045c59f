package io.qunyun.campaign.domain.lifecycle;

import java.util.List;
import java.util.UUID;

/**
 * What an action would do (a preview) or does: the states the group passes, the tasks created (each
 * invitation names its member), and how memberships are closed at the end.
 *
 * @param skipReason  non-null when nothing is done, and why
 * @param closureKind GROUP_DISSOLVED or TRANSFERRED, or null when memberships stay open (revive)
 */
public record LifecyclePlan(UUID groupId, String verdict, String cause, String currentState, List<String> states,
        List<PlannedTask> tasks, UUID successorGroupId, String closureKind, String skipReason) {

    public record PlannedTask(String kind, UUID memberId, String layer, int rank, UUID targetGroupId, String content) {
    }

    public boolean skipped() {
        return skipReason != null;
    }
}
