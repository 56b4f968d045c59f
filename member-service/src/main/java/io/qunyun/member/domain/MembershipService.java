package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.member.config.MembershipConfig;
import io.qunyun.member.domain.MembershipRules.RejoinDecision;
import io.qunyun.member.domain.MembershipRules.RejoinQuestion;
import io.qunyun.member.domain.MembershipRules.StandingDecision;
import io.qunyun.member.domain.MembershipRules.StandingFacts;
import io.qunyun.member.domain.audit.AuditActions;
import io.qunyun.platform.audit.Actor;
import io.qunyun.platform.audit.AuditLog;

/**
 * Who is in which group: joining (directly, by screening, by invitation, as staff) and reading memberships;
 * exits are {@link MembershipExits}'. Every write locks the member row first, so one member's joins and exits
 * never interleave, and writes its event to the outbox and its audit entry in the same transaction.
 */
@ApplicationScoped
public class MembershipService {

    private final Members members;
    private final Memberships memberships;
    private final MembershipApplications applications;
    private final RoleCatalogue roles;
    private final MembershipRules rules;
    private final MembershipPublisher events;
    private final Clock clock;
    private final MembershipConfig config;

    private final GroupTimeZones zones;
    private final AuditLog audit;
    private final MembershipChecks checks;

    MembershipService(Members members, Memberships memberships,
            MembershipApplications applications, RoleCatalogue roles, MembershipRules rules,
            MembershipPublisher events, Clock clock, MembershipConfig config, GroupTimeZones zones,
            AuditLog audit, MembershipChecks checks) {
        this.checks = checks;
        this.zones = zones;
        this.audit = audit;
        this.members = members;
        this.memberships = memberships;
        this.applications = applications;
        this.roles = roles;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    /** A join request: {@code addedBy} is the reviewer adding staff or handing out roles. */
    public record JoinCommand(UUID memberId, List<String> roles, boolean staff, UUID addedBy, UUID invitedFromGroupId) {

        JoinCommand forMember(UUID survivor) {
            return new JoinCommand(survivor, roles, staff, addedBy, invitedFromGroupId);
        }
    }

    /** Either the membership (joined) or, for an invitation into a group that screens, the pending application. */
    public record JoinResult(Membership membership, MembershipApplication application) {
    }

    /**
     * What admission requires of a (former) member; {@code rule}, {@code tableVersion} and {@code reason} are the
     * Admission row's (null for a first join), {@code byTable} whether that row, not the group's setting, asks for screening.
     */
    private record Admission(boolean screening, String rule, String tableVersion, String reason, boolean byTable) {
    }

    @Transactional
    public JoinResult join(UUID groupId, JoinCommand command) {
        Instant now = now();
        CommunityGroup group = checks.group(groupId);
        command = command.forMember(checks.lockMember(command.memberId()));
        requireNotMember(command.memberId(), groupId);
        List<String> roleCodes = validRoles(command.roles());
        boolean staff = command.staff() || roles.anyStaff(roleCodes);
        if (staff || !roleCodes.isEmpty()) {
            // staff are employees added by a reviewer: member admission rules do not apply to them
            requireReviewerOrFirstReviewer(command.addedBy(), groupId, roleCodes);
            Membership membership = open(command.memberId(), group, roleCodes, staff, AdmissionPath.STAFF, now);
            membership.addedBy = command.addedBy();
            return new JoinResult(auditJoined(persistJoined(membership, now)), null);
        }
        Admission admission = admission(command.memberId(), group, now);
        if (admission.screening()) {
            if (command.invitedFromGroupId() == null) {
                throw screeningRequired(groupId, admission);
            }
            // an invitation into a screening group becomes an application the group's reviewer decides
            MembershipApplication application = newApplication(command.memberId(), groupId, List.of(), admission.rule(), now);
            application.invitedFromGroupId = command.invitedFromGroupId();
            application.invitedBy = command.addedBy();
            applications.save(application);
            auditApplied(application);
            return new JoinResult(null, application);
        }
        AdmissionPath path = command.invitedFromGroupId() == null ? AdmissionPath.DIRECT : AdmissionPath.INVITATION;
        Membership membership = open(command.memberId(), group, List.of(), false, path, now);
        membership.invitedFromGroupId = command.invitedFromGroupId();
        membership.addedBy = command.addedBy();
        return new JoinResult(auditJoined(persistJoined(membership, now)), null);
    }

    @Transactional
    public MembershipApplication apply(UUID groupId, UUID memberId, List<MembershipApplication.Answer> answers) {
        Instant now = now();
        CommunityGroup group = checks.group(groupId);
        memberId = checks.lockMember(memberId);
        requireNotMember(memberId, groupId);
        if (applications.findPending(memberId, groupId).isPresent()) {
            throw new MembershipConflictException("application-pending", "memberId",
                    "member " + memberId + " already has a pending application to group " + groupId);
        }
        Admission admission = admission(memberId, group, now);
        MembershipApplication application = newApplication(memberId, groupId, answers, admission.rule(), now);
        applications.save(application);
        auditApplied(application);
        return application;
    }

    public enum Verdict {
        APPROVED, REJECTED
    }

    /** A reviewer of the group approves (membership and joined event) or rejects (with a reason) an application. */
    @Transactional
    public MembershipApplication decide(UUID groupId, UUID applicationId, UUID reviewerId, Verdict verdict, String reason) {
        Instant now = now();
        checks.group(groupId);
        if (verdict == Verdict.REJECTED && blank(reason)) {
            throw new InvalidRequestException("reason", "a rejection needs a reason");
        }
        MembershipApplication application = applications.lockOfGroup(applicationId, groupId)
                .orElseThrow(() -> new NotFoundException("applicationId",
                        "no application " + applicationId + " to group " + groupId));
        checks.requireReviewer(reviewerId, groupId, "reviewerId");
        if (application.state != MembershipApplication.State.PENDING) {
            throw new MembershipConflictException("application-decided", "applicationId",
                    "application " + applicationId + " was already " + application.state);
        }
        application.reviewerId = reviewerId;
        application.decidedAt = now;
        application.decisionReason = blank(reason) ? null : reason.strip();
        if (verdict == Verdict.REJECTED) {
            application.state = MembershipApplication.State.REJECTED;
            audit.record(AuditActions.ADMISSION_REJECTED, application.id, AuditLog.detail("memberId", application.memberId,
                    "groupId", groupId, "reviewerId", reviewerId, "reason", application.decisionReason));
            return application;
        }
        checks.lockMember(application.memberId);
        requireNotMember(application.memberId, groupId);
        AdmissionPath path = application.invitedFromGroupId == null ? AdmissionPath.SCREENED : AdmissionPath.INVITATION;
        Membership membership = open(application.memberId, checks.group(groupId), List.of(), false, path, now);
        membership.applicationId = application.id;
        membership.invitedFromGroupId = application.invitedFromGroupId;
        membership.addedBy = reviewerId;
        persistJoined(membership, now);
        application.state = MembershipApplication.State.APPROVED;
        application.membershipId = membership.id;
        audit.record(AuditActions.ADMISSION_APPROVED, application.id, AuditLog.detail("memberId", application.memberId,
                "groupId", groupId, "reviewerId", reviewerId, "membershipId", membership.id, "admittedVia", path,
                "reason", application.decisionReason));
        return application;
    }

    @Transactional
    public MembershipApplication application(UUID groupId, UUID applicationId) {
        return applications.ofGroup(applicationId, groupId)
                .orElseThrow(() -> new NotFoundException("applicationId",
                        "no application " + applicationId + " to group " + groupId));
    }

    /** The replica of a group, as campaign-service last published it. */
    @Transactional
    public CommunityGroup knownGroup(UUID groupId) {
        return checks.group(groupId);
    }

    /** A keyset page of a group's open memberships, in membership id order. */
    @Transactional
    public List<Membership> members(UUID groupId, UUID after, int limit) {
        checks.group(groupId);
        return memberships.openOfGroup(groupId, after, limit);
    }

    /** Every membership of the member, open and ended, newest first. */
    @Transactional
    public List<Membership> groupsOf(UUID memberId) {
        if (!members.exists(memberId)) {
            throw new MemberNotFoundException(memberId);
        }
        return memberships.ofMember(members.survivorOf(memberId));
    }

    // --- internals -------------------------------------------------------------------------------

    /** A first join needs screening when the group screens; a rejoin is what the Admission table says. */
    private Admission admission(UUID memberId, CommunityGroup group, Instant now) {
        Optional<Membership> previous = memberships.latestEnded(memberId, group.id);
        if (previous.isEmpty()) {
            return new Admission(group.screeningRequired, null, null, null, false);
        }
        Membership last = previous.get();
        ZoneId zone = zones.of(group.id);
        int days = (int) Math.max(0, ChronoUnit.DAYS.between(last.leftAt.atZone(zone).toLocalDate(),
                now.atZone(zone).toLocalDate()));
        RejoinDecision decision = rules.rejoin(new RejoinQuestion(last.exitKind, !blank(last.exitReason), days, group.type));
        if (!decision.allowed()) {
            throw new MembershipConflictException("rejoin-refused", "memberId", "member " + memberId
                    + " may not rejoin group " + group.id + ": " + decision.reason(), decision.decidedBy(),
                    decision.tableVersion());
        }
        return new Admission(group.screeningRequired || decision.screeningRequired(), decision.decidedBy(),
                decision.tableVersion(), decision.reason(), decision.screeningRequired());
    }

    /** The 409 names who asks for screening: the Admission row for a former member, else the group's setting. */
    private static MembershipConflictException screeningRequired(UUID groupId, Admission admission) {
        String apply = "POST /groups/" + groupId + "/applications";
        // the table's reason is bilingual already ("中文 / English")
        String message = admission.byTable()
                ? "重新入群需审核 / re-entry to group " + groupId + " needs screening, Admission row '" + admission.rule()
                        + "': " + admission.reason() + "; 请申请 / apply with " + apply
                : "该群需审核新成员 / group " + groupId + " screens new members; 请申请 / apply with " + apply;
        return new MembershipConflictException("screening-required", "groupId", message, admission.rule(),
                admission.tableVersion());
    }

    /** A new open membership with the standing the MemberStanding table gives someone who just joined. */
    private Membership open(UUID memberId, CommunityGroup group, List<String> roleCodes, boolean staff, AdmissionPath path,
            Instant now) {
        StandingDecision standing = rules.standing(StandingFacts.JUST_JOINED);
        Membership membership = new Membership();
        membership.id = UUID.randomUUID();
        membership.memberId = memberId;
        membership.groupId = group.id;
        membership.roles = roleCodes.toArray(String[]::new);
        membership.staff = staff;
        // the relationship stage never goes back, not even across a rejoin
        RelationshipStage previous = memberships.latestEnded(memberId, group.id).map(m -> m.stage).orElse(null);
        membership.stage = standing.stage().atLeast(previous);
        membership.activityState = standing.activityState();
        membership.layer = standing.layer();
        membership.joinedAt = now;
        membership.admittedVia = path;
        membership.nextStandingCheckAt = now.plus(config.standingRecheck());
        return membership;
    }

    private Membership persistJoined(Membership membership, Instant now) {
        memberships.save(membership);
        events.joined(membership, now);
        return membership;
    }

    private Membership auditJoined(Membership membership) {
        audit.record(AuditActions.MEMBERSHIP_JOINED, membership.id, AuditLog.detail("memberId", membership.memberId,
                "groupId", membership.groupId, "admittedVia", membership.admittedVia, "roles", List.of(membership.roles),
                "staff", membership.staff, "addedBy", membership.addedBy, "invitedFromGroupId",
                membership.invitedFromGroupId));
        return membership;
    }

    private void auditApplied(MembershipApplication application) {
        audit.record(AuditActions.ADMISSION_APPLIED, application.id, AuditLog.detail("memberId", application.memberId,
                "groupId", application.groupId, "admissionRule", application.admissionRule, "invitedFromGroupId",
                application.invitedFromGroupId, "invitedBy", application.invitedBy));
    }

    private MembershipApplication newApplication(UUID memberId, UUID groupId, List<MembershipApplication.Answer> answers,
            String admissionRule, Instant now) {
        MembershipApplication application = new MembershipApplication();
        application.id = UUID.randomUUID();
        application.memberId = memberId;
        application.groupId = groupId;
        application.answers = List.copyOf(answers);
        application.state = MembershipApplication.State.PENDING;
        application.admissionRule = admissionRule;
        application.submittedAt = now;
        return application;
    }

    private List<String> validRoles(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String code = requested.get(i);
            if (code == null || roles.find(code.strip()).isEmpty()) {
                throw new InvalidRequestException("roles[" + i + "]", "unknown role " + code + "; roles are "
                        + roles.all().stream().map(RoleCatalogue.Role::code).toList());
            }
            codes.add(code.strip());
        }
        return List.copyOf(codes);
    }

    /**
     * Staff and roles are given by a reviewer of the group; a group without any reviewer yet accepts its
     * first reviewer (its owner or chapter leader) without one.
     */
    private void requireReviewerOrFirstReviewer(UUID addedBy, UUID groupId, List<String> roleCodes) {
        boolean firstReviewer = roleCodes.stream().anyMatch(roles.reviewerRoles()::contains)
                && !memberships.hasReviewer(groupId, roles.reviewerRoles());
        if (firstReviewer) {
            return;
        }
        if (addedBy == null) {
            throw new InvalidRequestException("addedBy", "staff and roles are given by a reviewer of the group: name them");
        }
        checks.requireReviewer(addedBy, groupId, "addedBy");
    }

    private void requireNotMember(UUID memberId, UUID groupId) {
        memberships.findOpen(memberId, groupId).ifPresent(m -> {
            throw new MembershipConflictException("already-member", "memberId",
                    "member " + memberId + " is already in group " + groupId + " (membership " + m.id + ")");
        });
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: answer with what a later read returns
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
