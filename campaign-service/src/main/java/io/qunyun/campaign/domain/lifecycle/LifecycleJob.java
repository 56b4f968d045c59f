package io.qunyun.campaign.domain.lifecycle;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.campaign.config.LifecycleConfig;
import io.qunyun.campaign.member.MembershipClient;
import io.qunyun.campaign.member.MembershipClient.ClosureRequest;
import io.qunyun.campaign.member.MembershipClient.Invitation;
import io.qunyun.campaign.persistence.LifecycleStore;
import io.qunyun.campaign.persistence.LifecycleStore.Action;
import io.qunyun.campaign.persistence.LifecycleStore.Task;
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
    private final LifecycleStore store;
    private final MembershipClient memberships;
    private final LifecycleConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    LifecycleJob(GroupMetricsService metrics, GroupLifecycle lifecycle, LifecycleStore store,
            @RestClient MembershipClient memberships, LifecycleConfig config, ObjectMapper json, Clock clock) {
        this.metrics = metrics;
        this.lifecycle = lifecycle;
        this.store = store;
        this.memberships = memberships;
        this.config = config;
        this.json = json;
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
            for (UUID group : store.expiredGroups(config.expiryGroupTypes(), clock.instant())) {
                lifecycle.expire(group);
            }
            while (sendInvitations() > 0) {
                // until no open invitation is left (or member-service is unreachable)
            }
            for (Action action : store.runningActions(100)) {
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

    private int close(UUID groupId, String kind, String reason, UUID successor) {
        String text = reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return memberships.close(groupId, new ClosureRequest(kind, text, successor)).ended();
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
        List<Task> open = store.claimOpenInvitations(config.inviteBatch());
        int settled = 0;
        for (Task t : open) {
            Outcome outcome;
            try {
                outcome = invite(t);
            } catch (ProcessingException | jakarta.ws.rs.ServiceUnavailableException e) {
                LOG.warnf("member-service unreachable while inviting: %s; open invitations wait", e.toString());
                break;
            }
            if (outcome == null) {
                break;
            }
            store.settleTask(t.id(), outcome.status(), outcome.detail(), clock.instant());
            settled++;
        }
        return settled;
    }

    record Outcome(String status, String detail) {
    }

    private Outcome invite(Task t) {
        try (Response r = memberships.invite(t.targetGroupId(), new Invitation(t.memberId(), t.groupId()))) {
            return r.getStatus() == 202 ? new Outcome("PENDING_REVIEW", "the successor group screens: application pending")
                    : new Outcome("JOINED", "joined " + t.targetGroupId());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String type = problemType(e.getResponse());
            if (status >= 500) {
                LOG.warnf("member-service answered %d to an invitation; open invitations wait", status);
                return null;
            }
            if (type != null && type.endsWith("/already-member")) {
                return new Outcome("JOINED", "already a member of " + t.targetGroupId());
            }
            return new Outcome("REFUSED", status + (type == null ? "" : " " + type.substring(type.lastIndexOf('/') + 1))
                    + ": " + problemDetail(e.getResponse()));
        }
    }

    private String problemType(Response response) {
        JsonNode body = body(response);
        return body == null || !body.hasNonNull("type") ? null : body.get("type").asText();
    }

    private String problemDetail(Response response) {
        JsonNode body = body(response);
        return body == null ? "" : body.path("detail").asText("");
    }

    private JsonNode body(Response response) {
        Object entity;
        try {
            response.bufferEntity();
            entity = response.readEntity(String.class);
        } catch (RuntimeException e) {
            entity = response.getEntity(); // a response built in this JVM (not read from the wire)
        }
        try {
            return entity instanceof String s ? json.readTree(s) : entity == null ? null : json.valueToTree(entity);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
