package io.qunyun.campaign.domain.lifecycle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.campaign.domain.audit.AuditActions;
import io.qunyun.campaign.domain.GroupChanges;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.Groups;
import io.qunyun.platform.audit.AuditLog;

/**
 * The group matrix (domain brief §6: big free group → course group → VIP group): each group may name
 * one successor; transfers and lead-group expiry move members along these links. Operators set them;
 * proposals follow the positioning decision (the successor covers the next span of the AIDASS path).
 */
@ApplicationScoped
public class GroupMatrix {

    private final Groups groups;
    private final GroupChanges events;
    private final Clock clock;
    private final AuditLog audit;
    private final LifecycleTasks tasks;

    GroupMatrix(Groups groups, GroupChanges events, Clock clock, AuditLog audit, LifecycleTasks tasks) {
        this.audit = audit;
        this.tasks = tasks;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    /** A link that cannot be made; {@code field} names the request field at fault. */
    public static class InvalidLinkException extends RuntimeException {
        private final String field;

        InvalidLinkException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Sets (or, with null, removes) the successor link; publishes group-changes when it changed. */
    @Transactional
    public GroupEntity link(UUID groupId, UUID successorId) {
        GroupEntity group = groups.group(groupId);
        if (successorId != null) {
            if (successorId.equals(groupId)) {
                throw new InvalidLinkException("successorGroupId", "must not be the group itself");
            }
            GroupEntity successor = groups.group(successorId);
            if (successor == null) {
                throw new InvalidLinkException("successorGroupId", "is not a known group");
            }
            if (GroupState.valueOf(successor.state).ending()) {
                throw new InvalidLinkException("successorGroupId", "names a group that is " + successor.state);
            }
            Set<UUID> seen = new HashSet<>(Set.of(groupId));
            for (GroupEntity g = successor; g != null && g.successorGroupId != null; g = groups.group(g.successorGroupId)) {
                if (!seen.add(g.id) || g.successorGroupId.equals(groupId)) {
                    throw new InvalidLinkException("successorGroupId", "would close a cycle of successor links");
                }
            }
        }
        if (GroupState.valueOf(group.state).ending()) {
            throw new InvalidLinkException("groupId", "the group is " + group.state + "; its successor is fixed");
        }
        if (!java.util.Objects.equals(group.successorGroupId, successorId)) {
            UUID previous = group.successorGroupId;
            group.successorGroupId = successorId;
            group.updatedAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            events.groupChanged(group, group.updatedAt.toInstant());
            if (successorId != null) { // the alert about the ended successor is answered
                tasks.settleGroupTasks(groupId, GroupLifecycle.SUCCESSOR_ALERT, "DONE", "new successor " + successorId
                        + " linked", group.updatedAt.toInstant());
            }
            audit.record(successorId == null ? AuditActions.GROUP_SUCCESSOR_UNLINKED : AuditActions.GROUP_SUCCESSOR_LINKED,
                    groupId, AuditLog.detail("successorGroupId", successorId, "previousSuccessorGroupId", previous));
        }
        return group;
    }

    /**
     * Running groups that could follow this one: their AIDASS span starts at or after the stage this
     * group leads to (e.g. a lead group ending at INTEREST → a camp from INTEREST or DESIRE), nearest first.
     */
    public List<GroupEntity> proposals(UUID groupId) {
        GroupEntity group = groups.group(groupId);
        return groups.all().stream()
                .filter(g -> !g.id.equals(groupId))
                .filter(g -> !GroupState.valueOf(g.state).ending())
                .filter(g -> g.aidassFrom.compareTo(group.aidassTo) >= 0
                        || (g.aidassFrom.compareTo(group.aidassFrom) > 0 && g.aidassTo.compareTo(group.aidassTo) > 0))
                .sorted(Comparator.comparing((GroupEntity g) -> g.aidassFrom).thenComparing(g -> g.createdAt,
                        Comparator.reverseOrder()))
                .limit(20)
                .toList();
    }
}
