package io.qunyun.campaign.domain.lifecycle;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.qunyun.campaign.config.LifecycleConfig;
import io.qunyun.campaign.domain.Groups;
import io.qunyun.campaign.domain.lifecycle.LifecycleActions.Action;
import io.qunyun.campaign.domain.lifecycle.LifecycleTasks.Task;
import io.quarkus.scheduler.Scheduled;

/**
 * The periodic part of the lifecycle, on the service's clock (virtual in tests and the demo): report
 * the metrics of closed local days, end groups whose lifespan is over, send open invitations through
 * member-service's admission, and close the memberships of finished transfers and dissolutions.
 */
@ApplicationScoped
public class LifecycleJob {

    private static final Logger LOG = Logger.getLogger(LifecycleJob.class);

    private final GroupMetricsService metrics;
    private final GroupLifecycle lifecycle;
    private final Groups groups;
    private final LifecycleActions actions;
    private final LifecycleTasks lifecycleTasks;
    private final Memberships memberships;
    private final LifecycleConfig config;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    LifecycleJob(GroupMetricsService metrics, GroupLifecycle lifecycle, Groups groups, LifecycleActions actions,
            LifecycleTasks lifecycleTasks, Memberships memberships, LifecycleConfig config, Clock clock) {
        this.metrics = metrics;
        this.lifecycle = lifecycle;
        this.groups = groups;
        this.actions = actions;
        this.lifecycleTasks = lifecycleTasks;
        this.memberships = memberships;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "group-lifecycle", every = "${qunyun.lifecycle.interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodic() {
        runOnce();
    }

    /** One pass; also run right after the virtual clock moved. */
    public void runOnce() {
        running.lock();
        try {
            // each part on its own: rules-service being down must not stop lead groups from ending
            try {
                metrics.reportClosedDays();
            } catch (RuntimeException e) {
                LOG.warnf("metrics not reported, next run retries: %s", e.toString());
            }
            for (UUID group : groups.expiredGroups(config.expiryGroupTypes(), clock.instant())) {
                lifecycle.expire(group);
            }
            while (sendInvitations() > 0) {
                // until no open invitation is left (or member-service is unreachable)
            }
            for (Action action : actions.runningActions(100)) {
                try {
                    lifecycle.finish(action.id(), this::close);
                } catch (RuntimeException e) {
                    // member-service unreachable: the action stays RUNNING and is finished by a later run
                    LOG.warnf("cannot finish lifecycle action %s of group %s yet: %s", action.id(), action.groupId(),
                            e.toString());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("lifecycle run failed, next run retries: %s", e.toString());
        } finally {
            running.unlock();
        }
    }

    private int close(UUID groupId, String kind, String reason, UUID successor, List<UUID> memberIds) {
        String text = reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return memberships.close(groupId, kind, text, successor, memberIds);
    }

    /**
     * Sends one batch of open invitations, promising members first. The claimed rows stay locked
     * until the batch commits, so two instances never send the same one; if this instance dies
     * mid-batch, the rows are OPEN again and the next run repeats them: member-service then answers
     * "already a member" for those who joined, which settles them as joined, so a member moves once.
     *
     * @return invitations settled (0 when none were open or member-service is unreachable)
     */
    @Transactional
    public int sendInvitations() {
        List<Task> open = lifecycleTasks.claimOpenInvitations(config.inviteBatch());
        int settled = 0;
        for (Task t : open) {
            Memberships.InviteOutcome outcome = memberships.invite(t.targetGroupId(), t.memberId(), t.groupId());
            if (outcome == null) {
                break; // member-service cannot answer now: open invitations wait
            }
            lifecycleTasks.settleTask(t.id(), outcome.status(), outcome.detail(), clock.instant());
            settled++;
        }
        return settled;
    }
}
