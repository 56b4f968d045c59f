package io.qunyun.campaign.domain.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.qunyun.campaign.config.LifecycleConfig;
import io.qunyun.platform.audit.Actor;
import io.qunyun.campaign.domain.audit.AuditActions;
import io.qunyun.platform.audit.AuditLog;
import io.qunyun.campaign.domain.lifecycle.LifecyclePlan.PlannedTask;
import io.qunyun.campaign.domain.MemberAudiences;
import io.qunyun.campaign.domain.MemberAudiences.AudienceMember;
import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.domain.MemberAudiences.AudienceQuery;
import io.qunyun.campaign.domain.GroupChanges;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.Groups;
import io.qunyun.campaign.domain.campaign.Campaigns;
import io.qunyun.campaign.domain.lifecycle.LifecycleActions.Action;
import io.qunyun.campaign.domain.lifecycle.LifecycleTasks.Task;

/**
 * Acts on a group's health (GroupHealth decisions) and on the end of its lifespan (GroupPositioning):
 * revive tasks, a transfer of the active members to the successor group, or dissolution. One path
 * owns each outcome: groups of the expiry types end by lifespan expiry only, so GroupHealth's
 * transfer/dissolve verdicts on them are recorded as skipped. Every action (also a skipped one) is
 * recorded with the decision's table, version and fired rows, and in the audit log as the service's own
 * action with its cause (the consumed decision or the lifecycle job); {@link #preview} shows the same plan
 * without doing anything.
 */
@ApplicationScoped
public class GroupLifecycle {

    private static final Logger LOG = Logger.getLogger(GroupLifecycle.class);

    public static final String CAUSE_HEALTH = "GROUP_HEALTH";
    public static final String CAUSE_EXPIRY = "LIFESPAN_EXPIRY";
    public static final String REVIVE = "REVIVE";
    public static final String TRANSFER = "TRANSFER_ACTIVE";
    public static final String DISSOLVE = "DISSOLVE";
    public static final String OK = "OK";
    static final String TRANSFERRED = "TRANSFERRED";
    /** The operator task raised when a transfer cannot run because its successor group ended. */
    public static final String SUCCESSOR_ALERT = "SUCCESSOR_ALERT";
    /** The job that expires groups and finishes transfers and dissolutions (LifecycleJob), as the audit log names it. */
    static final String LIFECYCLE_JOB = "group-lifecycle";
    /** Circle layers in invitation order: the members the lead flow rated promising come first. */
    private static final Map<String, Integer> LAYER_RANK = Map.of("CORE", 1, "INFLUENCE", 2, "PERIPHERY", 3);
    /** Relationship stages (MemberStanding), furthest first: within a layer, the more advanced are invited first. */
    private static final List<String> STAGES = List.of("REPURCHASED_OR_SHARES", "PURCHASED", "FAMILIAR", "UNDERSTANDS",
            "ACQUAINTED", "CURIOUS", "UNAWARE");

    /** Invitation order: layer first (CORE 1x, INFLUENCE 2x, PERIPHERY 3x), then stage, furthest first. */
    static int rank(String layer, String stage) {
        int stageRank = STAGES.indexOf(stage);
        return LAYER_RANK.getOrDefault(layer, 9) * 10 + (stageRank < 0 ? 9 : stageRank);
    }

    private final Groups groups;
    private final Campaigns campaigns;
    private final LifecycleActions actions;
    private final LifecycleTasks lifecycleTasks;
    private final MemberAudiences audiences;
    private final GroupLifecycleEvents events;
    private final GroupChanges groupEvents;
    private final LifecycleConfig config;
    private final Clock clock;
    private final AuditLog audit;
    private final TransferClosure transfers;

    GroupLifecycle(Groups groups, Campaigns campaigns, LifecycleActions actions, LifecycleTasks lifecycleTasks,
            MemberAudiences audiences, GroupLifecycleEvents events, GroupChanges groupEvents, LifecycleConfig config,
            Clock clock, AuditLog audit, TransferClosure transfers) {
        this.audit = audit;
        this.transfers = transfers;
        this.groups = groups;
        this.campaigns = campaigns;
        this.actions = actions;
        this.lifecycleTasks = lifecycleTasks;
        this.audiences = audiences;
        this.events = events;
        this.groupEvents = groupEvents;
        this.config = config;
        this.clock = clock;
    }

    /** A GroupHealth answer as received on group-health-decisions. */
    public record HealthDecision(String decisionId, UUID groupId, String verdict, String reviveKind, String message,
            boolean pastLifespan, String decidedBy, List<String> firedRules, String table, String tableVersion) {
    }

    /** @return the recorded action, empty when the decision was applied before or changes nothing */
    @Transactional
    public Optional<Action> onHealthDecision(HealthDecision d) {
        GroupEntity group = groups.group(d.groupId());
        if (group == null) {
            throw new IllegalArgumentException("group " + d.groupId() + " is not known to campaign-service");
        }
        GroupState state = GroupState.valueOf(group.state);
        if (OK.equals(d.verdict()) && (state == GroupState.ACTIVE)) {
            return Optional.empty(); // nothing to do, nothing to record
        }
        LifecyclePlan plan = plan(group, d.verdict(), d.reviveKind(), d.message(), CAUSE_HEALTH);
        return apply(Actor.consumer("group-health-decisions"), group, plan, d.decisionId(), d.reviveKind(), d.message(),
                d.table(), d.tableVersion(), d.decidedBy(), d.firedRules());
    }

    /** Ends a group of an expiry type whose lifespan is over (called by the lifecycle job). */
    @Transactional
    public Optional<Action> expire(UUID groupId) {
        GroupEntity group = groups.group(groupId);
        GroupState state = GroupState.valueOf(group.state);
        if (state.ending()) {
            return Optional.empty();
        }
        String verdict = group.successorGroupId != null ? TRANSFER : DISSOLVE;
        String message = expiryMessage(group);
        LifecyclePlan plan = plan(group, verdict, null, message, CAUSE_EXPIRY);
        GroupEntity.DecisionTrace positioning = group.positioningDecision;
        return apply(Actor.scheduler(LIFECYCLE_JOB), group, plan, "expiry:" + groupId, null, message, positioning.table(),
                positioning.tableVersion(), "lifespan " + group.lifespanHours + " h", positioning.firedRules());
    }

    /** What the verdict would do to the group now: same plan as the real action, nothing written. */
    public LifecyclePlan preview(UUID groupId, String verdict) {
        GroupEntity group = groups.group(groupId);
        if ("EXPIRE".equals(verdict)) {
            String v = group.successorGroupId != null ? TRANSFER : DISSOLVE;
            if (!isExpiryType(group) || group.lifespanHours == null) {
                return skip(group, v, CAUSE_EXPIRY, "group type " + group.type + " has no lifespan expiry");
            }
            return plan(group, v, null, expiryMessage(group), CAUSE_EXPIRY);
        }
        return plan(group, verdict, null, null, CAUSE_HEALTH);
    }

    private static String expiryMessage(GroupEntity group) {
        return "群生命周期结束（" + group.lifespanHours + " 小时）/ The group's lifespan of " + group.lifespanHours
                + " h is over";
    }

    LifecyclePlan plan(GroupEntity group, String verdict, String reviveKind, String message, String cause) {
        GroupState state = GroupState.valueOf(group.state);
        if (state.ending()) {
            return skip(group, verdict, cause, "group is " + state + " already");
        }
        if (CAUSE_HEALTH.equals(cause) && isExpiryType(group) && (TRANSFER.equals(verdict) || DISSOLVE.equals(verdict))) {
            return skip(group, verdict, cause, "a " + group.type + " group ends by lifespan expiry, not by GroupHealth");
        }
        if (CAUSE_HEALTH.equals(cause) && (TRANSFER.equals(verdict) || DISSOLVE.equals(verdict))
                && campaigns.runningCampaignStart(group.id).isPresent()) {
            // a running campaign owns its group until it ends: a quiet first week must not end a camp
            return skip(group, verdict, cause, "a campaign is running in the group; it ends the group's "
                    + "campaign phase first (GroupHealth may revive it meanwhile)");
        }
        List<String> states = new ArrayList<>();
        List<PlannedTask> tasks = new ArrayList<>();
        switch (verdict) {
            case OK -> {
                states.add(GroupState.ACTIVE.name());
                return new LifecyclePlan(group.id, verdict, cause, group.state, states, tasks, null, null, null);
            }
            case REVIVE -> {
                if (state == GroupState.ACTIVE) {
                    states.add(GroupState.DORMANT.name());
                }
                if (state != GroupState.REVIVING) {
                    states.add(GroupState.REVIVING.name());
                }
                tasks.add(new PlannedTask("REVIVE", null, null, 0, null,
                        (reviveKind == null ? "" : reviveKind + ": ") + (message == null ? "" : message)));
                return new LifecyclePlan(group.id, verdict, cause, group.state, states, tasks, null, null, null);
            }
            case TRANSFER -> {
                UUID successor = group.successorGroupId;
                if (successor == null) {
                    return skip(group, verdict, cause,
                            "no successor group: link one with PUT /groups/" + group.id + "/successor");
                }
                GroupEntity next = groups.group(successor);
                if (next == null || GroupState.valueOf(next.state).ending()) {
                    // Skipping alone would repeat every day unseen: operators get one alert task to relink.
                    String why = "successor group " + successor + " is " + (next == null ? "unknown" : next.state);
                    return new LifecyclePlan(group.id, verdict, cause, group.state, List.of(),
                            List.of(TransferClosure.alert(group, successor, next, why)), successor, null,
                            why + "; operators alerted (task " + SUCCESSOR_ALERT + ")");
                }
                if (state == GroupState.ACTIVE) {
                    states.add(GroupState.DORMANT.name());
                }
                states.add(GroupState.TRANSFERRING.name());
                for (AudienceMember m : activeMembers(group.id)) {
                    tasks.add(new PlannedTask("INVITE", m.memberId(), m.layer(), rank(m.layer(), m.stage()),
                            successor, "invitation to " + next.name));
                }
                tasks.sort(java.util.Comparator.comparingInt(PlannedTask::rank)
                        .thenComparing(t -> t.memberId().toString()));
                states.add(GroupState.DISSOLVED.name());
                return new LifecyclePlan(group.id, verdict, cause, group.state, states, tasks, successor, "TRANSFERRED",
                        null);
            }
            case DISSOLVE -> {
                if (state == GroupState.ACTIVE) {
                    states.add(GroupState.DORMANT.name());
                }
                states.add(GroupState.DISSOLVING.name());
                tasks.add(new PlannedTask("GOODBYE", null, null, 0, null, message == null ? "" : message));
                states.add(GroupState.DISSOLVED.name());
                return new LifecyclePlan(group.id, verdict, cause, group.state, states, tasks, null, "GROUP_DISSOLVED",
                        null);
            }
            default -> throw new IllegalArgumentException("unknown verdict " + verdict);
        }
    }

    private static LifecyclePlan skip(GroupEntity group, String verdict, String cause, String reason) {
        return new LifecyclePlan(group.id, verdict, cause, group.state, List.of(), List.of(), group.successorGroupId,
                null, reason);
    }

    private boolean isExpiryType(GroupEntity group) {
        return config.expiryGroupTypes().contains(group.type);
    }

    /** The group's active members, staff excluded, from member-service (every page). */
    private List<AudienceMember> activeMembers(UUID groupId) {
        List<AudienceMember> out = new ArrayList<>();
        String after = null;
        do {
            AudiencePage page = audiences.query(new AudienceQuery(List.of(groupId), null, null, List.of("ACTIVE"), null,
                    null, null, null, false, after, config.pageSize()));
            out.addAll(page.items().stream().filter(m -> !m.staff()).toList());
            after = page.nextCursor();
        } while (after != null);
        return out;
    }

    private Optional<Action> apply(Actor actor, GroupEntity group, LifecyclePlan plan, String decisionId,
            String reviveKind, String message, String table, String tableVersion, String decidedBy,
            List<String> firedRules) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean running = !plan.skipped() && plan.closureKind() != null;
        Instant closeAt = DISSOLVE.equals(plan.verdict()) && !plan.skipped() ? now.plus(config.goodbyeGrace()) : null;
        Action action = new Action(UUID.randomUUID(), group.id, plan.cause(), decisionId, plan.verdict(), reviveKind,
                message, table, tableVersion, decidedBy, firedRules, plan.successorGroupId(),
                plan.skipped() ? "SKIPPED" : running ? "RUNNING" : "DONE", plan.skipReason(), closeAt, now, now);
        if (!actions.insertAction(action)) {
            LOG.debugf("decision %s on group %s was applied before", decisionId, group.id);
            return Optional.empty();
        }
        List<Task> tasks = new ArrayList<>();
        for (PlannedTask t : plan.tasks()) {
            if (SUCCESSOR_ALERT.equals(t.kind()) && lifecycleTasks.hasOpenGroupTask(group.id, t.kind(), t.targetGroupId())) {
                continue; // alerted already; the skipped action is still recorded
            }
            tasks.add(new Task(UUID.randomUUID(), action.id(), group.id, t.kind(), t.memberId(), t.layer(), t.rank(),
                    t.targetGroupId(), t.content(), "OPEN", null, now, now));
        }
        lifecycleTasks.insertTasks(tasks);
        for (String to : plan.states()) {
            if (!GroupState.DISSOLVED.name().equals(to)) {
                changeState(group, to, action, now);
            }
        }
        audit.record(actor, auditAction(plan), group.id, AuditLog.detail("lifecycleActionId", action.id(), "verdict",
                plan.verdict(), "lifecycleCause", plan.cause(), "decisionId", decisionId, "decidedBy", decidedBy, "table",
                table, "tableVersion", tableVersion, "skipReason", plan.skipReason(), "state", group.state, "tasks",
                tasks.size()));
        LOG.infof("group %s: %s by %s (%s) -> %s%s", group.id, plan.verdict(), plan.cause(), decidedBy, group.state,
                plan.skipped() ? " skipped: " + plan.skipReason() : ", " + tasks.size() + " task(s)");
        return Optional.of(action);
    }

    private static String auditAction(LifecyclePlan plan) {
        if (plan.skipped()) {
            return AuditActions.GROUP_LIFECYCLE_SKIPPED;
        }
        return switch (plan.verdict()) {
            case OK -> AuditActions.GROUP_REACTIVATED;
            case REVIVE -> AuditActions.GROUP_REVIVE_STARTED;
            case TRANSFER -> AuditActions.GROUP_TRANSFER_STARTED;
            case DISSOLVE -> AuditActions.GROUP_DISSOLUTION_STARTED;
            default -> throw new IllegalArgumentException("unknown verdict " + plan.verdict());
        };
    }

    private void changeState(GroupEntity group, String to, Action action, Instant now) {
        if (to.equals(group.state)) {
            return;
        }
        String from = group.state;
        group.state = to;
        group.updatedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        events.stateChanged(group.id, from, to, action, now);
        groupEvents.groupChanged(group, now);
    }

    /** Ends a running action whose invitations are settled (transfer) or whose goodbye time is over (dissolve). */
    @Transactional
    public boolean finish(UUID actionId, MembershipCloser closer) {
        Optional<Action> locked = actions.lockRunning(actionId);
        if (locked.isEmpty()) {
            return false;
        }
        Action action = locked.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String kind;
        if (TRANSFER.equals(action.verdict())) {
            if (lifecycleTasks.openTasks(action.id(), "INVITE") > 0) {
                return false;
            }
            kind = "TRANSFERRED";
        } else if (DISSOLVE.equals(action.verdict())) {
            if (action.closeAt() != null && now.isBefore(action.closeAt())) {
                return false;
            }
            kind = "GROUP_DISSOLVED";
        } else {
            actions.finishAction(action.id(), "DONE", null, now);
            return true;
        }
        int ended = TRANSFERRED.equals(kind) ? transfers.close(action, closer)
                : closer.close(action.groupId(), kind, action.message(), action.successorGroupId(), null);
        GroupEntity group = groups.group(action.groupId());
        changeState(group, GroupState.DISSOLVED.name(), action, now);
        actions.finishAction(action.id(), "DONE", ended + " membership(s) closed as " + kind, now);
        audit.record(Actor.scheduler(LIFECYCLE_JOB), "TRANSFERRED".equals(kind) ? AuditActions.GROUP_TRANSFERRED
                : AuditActions.GROUP_DISSOLVED, group.id, AuditLog.detail("lifecycleActionId", action.id(), "exitKind", kind,
                        "membershipsEnded", ended, "successorGroupId", action.successorGroupId()));
        return true;
    }

    /** Closes a group's memberships in member-service; returns how many it ended. */
    @FunctionalInterface
    public interface MembershipCloser {
        /** @param memberIds only these members' memberships; null = every one still open */
        int close(UUID groupId, String kind, String reason, UUID successorGroupId, List<UUID> memberIds);
    }
}
