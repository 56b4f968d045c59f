package io.qunyun.campaign.domain.lifecycle;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.lifecycle.LifecycleActions.Action;
import io.qunyun.campaign.domain.lifecycle.LifecyclePlan.PlannedTask;
import io.qunyun.campaign.domain.lifecycle.LifecycleTasks.Task;

/**
 * How a transfer ends for each member (docs/lifecycle.md): who moved leaves as TRANSFERRED, everyone else
 * with the exit kind and reason that say what happened to them; and the operator alert when a transfer
 * cannot run because its successor ended.
 */
@ApplicationScoped
public class TransferClosure {

    /** Invitation outcomes that count as moved: joined, or an application the successor is reviewing. */
    private static final Set<String> MOVED = Set.of("JOINED", "PENDING_REVIEW");

    private final LifecycleTasks lifecycleTasks;

    TransferClosure(LifecycleTasks lifecycleTasks) {
        this.lifecycleTasks = lifecycleTasks;
    }

    /** The one task operators get when the successor group ended (or is unknown). */
    static PlannedTask alert(GroupEntity group, UUID successor, GroupEntity next, String why) {
        return new PlannedTask(GroupLifecycle.SUCCESSOR_ALERT, null, null, 0, successor, "后继群"
                + (next == null ? successor : "「" + next.name + "」") + "已" + (next == null ? "不存在" : next.state)
                + "，无法转移成员：请关联新的后继群（PUT /groups/" + group.id + "/successor）或解散本群 / " + why
                + ": the transfer cannot run — link a new successor (PUT /groups/" + group.id
                + "/successor) or dissolve the group");
    }

    /**
     * Only the invited members who joined the successor (or wait for its review) moved: they leave as
     * TRANSFERRED; a refused invitation and a member not invited (not active at the transfer) leave as
     * GROUP_DISSOLVED, each with the reason. Repeating it after a crash ends nothing more.
     */
    int close(Action action, GroupLifecycle.MembershipCloser closer) {
        List<Task> invitations = lifecycleTasks.tasks(action.groupId()).stream()
                .filter(t -> action.id().equals(t.actionId()) && "INVITE".equals(t.kind())).toList();
        List<UUID> moved = invitations.stream().filter(t -> MOVED.contains(t.status())).map(Task::memberId).toList();
        List<UUID> refused = invitations.stream().filter(t -> "REFUSED".equals(t.status())).map(Task::memberId)
                .toList();
        UUID successor = action.successorGroupId();
        int ended = 0;
        if (!moved.isEmpty()) {
            ended += closer.close(action.groupId(), GroupLifecycle.TRANSFERRED, action.message(), successor, moved);
        }
        if (!refused.isEmpty()) {
            ended += closer.close(action.groupId(), "GROUP_DISSOLVED", "转入后继群的邀请被拒绝，原群已解散 / the "
                    + "invitation into successor group " + successor + " was refused (the reason is on the invitation "
                    + "task); the group was dissolved", null, refused);
        }
        ended += closer.close(action.groupId(), "GROUP_DISSOLVED", "转移时非活跃成员，未被邀请，原群已解散 / not "
                + "invited into successor group " + successor + ": not an active member at the transfer; the group was "
                + "dissolved", null, null);
        return ended;
    }
}
