package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.platform.audit.Actor;
import io.qunyun.member.domain.audit.AuditActions;
import io.qunyun.platform.audit.AuditLog;

/**
 * How memberships end: the member leaves, a reviewer or a Rewards decision expels, campaign-service closes the
 * group. Like joins ({@link MembershipService}), every exit locks the member row first and writes its event
 * and audit entry in the same transaction.
 */
@ApplicationScoped
public class MembershipExits {

    private final Members members;
    private final Memberships memberships;
    private final MembershipPublisher events;
    private final MembershipChecks checks;
    private final Clock clock;
    private final AuditLog audit;

    MembershipExits(Members members, Memberships memberships, MembershipPublisher events, MembershipChecks checks,
            Clock clock, AuditLog audit) {
        this.members = members;
        this.memberships = memberships;
        this.events = events;
        this.checks = checks;
        this.clock = clock;
        this.audit = audit;
    }

    /** The member leaves; without a reason the Admission table will judge a rejoin accordingly. */
    @Transactional
    public Membership leave(UUID groupId, UUID memberId, String reason) {
        checks.group(groupId);
        memberId = checks.lockMember(memberId);
        Membership membership = checks.requireMember(memberId, groupId);
        end(membership, blank(reason) ? ExitKind.VOLUNTARY : ExitKind.VOLUNTARY_WITH_REASON,
                blank(reason) ? null : reason.strip(), null, now());
        audit.record(AuditActions.MEMBERSHIP_EXITED, membership.id, AuditLog.detail("memberId", memberId, "groupId", groupId,
                "exitKind", membership.exitKind, "reason", membership.exitReason));
        return membership;
    }

    @Transactional
    public Membership expel(UUID groupId, UUID memberId, UUID reviewerId, String reason) {
        checks.group(groupId);
        if (blank(reason)) {
            throw new InvalidRequestException("reason", "an expulsion needs a reason");
        }
        checks.requireReviewer(reviewerId, groupId, "reviewerId");
        memberId = checks.lockMember(memberId);
        Membership membership = checks.requireMember(memberId, groupId);
        end(membership, ExitKind.EXPELLED, reason.strip(), "reviewer:" + reviewerId, now());
        audit.record(AuditActions.MEMBER_EXPELLED, memberId, AuditLog.detail("groupId", groupId, "membershipId",
                membership.id, "reviewerId", reviewerId, "reason", membership.exitReason));
        return membership;
    }

    /**
     * Acts on Rewards decisions that say expel: the member's open membership of the activity's group
     * ends as EXPELLED with the decision id as reference. Replays change nothing (the membership is
     * already ended), and a decision about an activity older than the current membership (the member
     * rejoined since) does not end the new one.
     *
     * @return memberships ended
     */
    @Transactional
    public int expelOnDecisions(List<RewardDecision> decisions) {
        int ended = 0;
        for (RewardDecision decision : decisions) {
            if (!decision.expel() || decision.groupId() == null) {
                continue;
            }
            if (members.lockById(decision.memberId()).isEmpty()) {
                continue; // dead-lettered by the ledger as an unknown member
            }
            Optional<Membership> open = memberships.lockOpen(decision.memberId(), decision.groupId());
            if (open.isEmpty() || (decision.occurredAt() != null && decision.occurredAt().isBefore(open.get().joinedAt))) {
                continue;
            }
            end(open.get(), ExitKind.EXPELLED, decision.reason(), "reward-decision:" + decision.decisionId(), now());
            // no caller here: the service acts on the Rewards decision it consumed
            audit.record(Actor.consumer("reward-decisions"), AuditActions.MEMBER_EXPELLED, decision.memberId(),
                    AuditLog.detail("groupId", decision.groupId(), "membershipId", open.get().id, "decisionId",
                            decision.decisionId(), "activityId", decision.activityId(), "reason", decision.reason(),
                            "tableVersion", decision.tableVersion()));
            ended++;
        }
        return ended;
    }

    /**
     * Ends every open membership of a group that campaign-service dissolved or transferred (or only those
     * of {@code memberIds}). Calling it again ends nothing more.
     */
    @Transactional
    public List<Membership> closeGroup(UUID groupId, ExitKind kind, String reason, UUID successorGroupId,
            java.util.Collection<UUID> memberIds) {
        if (kind != ExitKind.GROUP_DISSOLVED && kind != ExitKind.TRANSFERRED) {
            throw new InvalidRequestException("kind", "must be GROUP_DISSOLVED or TRANSFERRED");
        }
        if (kind == ExitKind.TRANSFERRED && successorGroupId == null) {
            throw new InvalidRequestException("successorGroupId", "a transfer names the group members move to");
        }
        checks.group(groupId);
        if (successorGroupId != null) {
            checks.group(successorGroupId, "successorGroupId");
        }
        Instant now = now();
        List<Membership> ended = new ArrayList<>();
        // A transfer closes the moved members as TRANSFERRED and the others with their own kind and reason.
        java.util.Set<UUID> only = memberIds == null ? null : new java.util.HashSet<>(memberIds);
        for (Membership membership : memberships.lockAllOpenOfGroup(groupId)) {
            if (only != null && !only.contains(membership.memberId)) {
                continue;
            }
            ended.add(end(membership, kind, blank(reason) ? null : reason.strip(),
                    successorGroupId == null ? null : "successor-group:" + successorGroupId, now));
        }
        if (!ended.isEmpty()) { // a repeated closure changes nothing and records nothing
            audit.record(AuditActions.GROUP_CLOSED, groupId, AuditLog.detail("exitKind", kind, "reason",
                    blank(reason) ? null : reason.strip(), "successorGroupId", successorGroupId, "membershipsEnded",
                    ended.size()));
        }
        return ended;
    }

    private Membership end(Membership membership, ExitKind kind, String reason, String reference, Instant now) {
        membership.leftAt = now;
        membership.exitKind = kind;
        membership.exitReason = reason;
        membership.exitReference = reference;
        membership.nextStandingCheckAt = null;
        events.ended(membership);
        return membership;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: answer with what a later read returns
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
