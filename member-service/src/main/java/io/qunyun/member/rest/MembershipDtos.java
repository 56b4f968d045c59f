package io.qunyun.member.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.qunyun.member.domain.ActivityState;
import io.qunyun.member.domain.AdmissionPath;
import io.qunyun.member.domain.CircleLayer;
import io.qunyun.member.domain.ExitKind;
import io.qunyun.member.domain.MembershipService;
import io.qunyun.member.domain.RelationshipStage;
import io.qunyun.member.domain.Membership;
import io.qunyun.member.domain.MembershipApplication;

/** Requests and answers of the membership endpoints (docs/architecture.md, Memberships). */
public final class MembershipDtos {

    private MembershipDtos() {
    }

    /**
     * @param roles              role codes from the catalogue (GET /roles); given by a reviewer ({@code addedBy})
     * @param staff              a staff membership even without a staff role
     * @param addedBy            the reviewer adding staff or roles, or the staff member who invited
     * @param invitedFromGroupId the group a member is invited from (e.g. a transfer): the target group's
     *                           admission still applies; a screening group answers 202 with an application
     */
    public record JoinRequest(@NotNull UUID memberId, @Size(max = 20) List<@NotBlank @Size(max = 64) String> roles,
            Boolean staff, UUID addedBy, UUID invitedFromGroupId) {

        MembershipService.JoinCommand command() {
            return new MembershipService.JoinCommand(memberId, roles, Boolean.TRUE.equals(staff), addedBy,
                    invitedFromGroupId);
        }
    }

    public record AnswerDto(@NotBlank @Size(max = 500) String question, @NotBlank @Size(max = 4000) String answer) {
    }

    public record ApplyRequest(@NotNull UUID memberId, @NotEmpty @Size(max = 50) List<@Valid @NotNull AnswerDto> answers) {

        List<MembershipApplication.Answer> domainAnswers() {
            return answers.stream().map(a -> new MembershipApplication.Answer(a.question().strip(), a.answer().strip()))
                    .toList();
        }
    }

    public record DecisionRequest(@NotNull UUID reviewerId, @NotNull MembershipService.Verdict outcome,
            @Size(max = 1000) String reason) {
    }

    public record LeaveRequest(@Size(max = 1000) String reason) {
    }

    public record ExpelRequest(@NotNull UUID reviewerId, @NotBlank @Size(max = 1000) String reason) {
    }

    /** campaign-service closes a group it dissolved or whose members it transferred. */
    /** {@code memberIds}: close only these members' open memberships (null: every open one). */
    public record ClosureRequest(@NotNull ExitKind kind, @Size(max = 1000) String reason, UUID successorGroupId,
            @Size(max = 100000) List<UUID> memberIds) {
    }

    public record ClosureResponse(UUID groupId, ExitKind kind, int ended, List<UUID> membershipIds) {
    }

    public record MembershipResponse(UUID membershipId, UUID memberId, UUID groupId, List<String> roles, boolean staff,
            CircleLayer layer, RelationshipStage stage, ActivityState activityState, Instant joinedAt,
            AdmissionPath admittedVia, UUID applicationId, UUID invitedFromGroupId, UUID addedBy, Instant leftAt,
            ExitKind exitKind, String exitReason, String exitReference, Instant lastActivityAt, Instant lastCheckInAt) {

        static MembershipResponse of(Membership m) {
            return new MembershipResponse(m.id, m.memberId, m.groupId, Arrays.asList(m.roles), m.staff, m.layer, m.stage,
                    m.activityState, m.joinedAt, m.admittedVia, m.applicationId, m.invitedFromGroupId, m.addedBy, m.leftAt,
                    m.exitKind, m.exitReason, m.exitReference, m.lastActivityAt, m.lastCheckInAt);
        }
    }

    public record GroupResponse(UUID groupId, String name, String type, String timeZone, boolean screeningRequired,
            Integer lifespanHours, String state, UUID successorGroupId, Instant updatedAt) {

        static GroupResponse of(io.qunyun.member.domain.CommunityGroup g) {
            return new GroupResponse(g.id, g.name, g.type, g.timeZone, g.screeningRequired, g.lifespanHours, g.state,
                    g.successorGroupId, g.updatedAt);
        }
    }

    public record MembersPage(List<MembershipResponse> items, String nextCursor) {
    }

    public record ApplicationResponse(UUID applicationId, UUID memberId, UUID groupId, MembershipApplication.State state,
            List<MembershipApplication.Answer> answers, UUID invitedFromGroupId, UUID invitedBy, String admissionRule,
            Instant submittedAt, UUID reviewerId, Instant decidedAt, String decisionReason, UUID membershipId) {

        static ApplicationResponse of(MembershipApplication a) {
            return new ApplicationResponse(a.id, a.memberId, a.groupId, a.state, a.answers, a.invitedFromGroupId,
                    a.invitedBy, a.admissionRule, a.submittedAt, a.reviewerId, a.decidedAt, a.decisionReason,
                    a.membershipId);
        }
    }
}
