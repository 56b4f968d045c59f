package io.qunyun.member.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.qunyun.member.domain.ActivityIntake;
import io.qunyun.member.domain.DuplicateMemberException;
import io.qunyun.member.domain.DuplicateRewardException;
import io.qunyun.member.domain.GroupNotKnownException;
import io.qunyun.member.domain.IdempotencyKeyReusedException;
import io.qunyun.member.domain.IdentityTakenException;
import io.qunyun.member.domain.InsufficientPointsException;
import io.qunyun.member.domain.InvalidRequestException;
import io.qunyun.member.domain.MemberNotFoundException;
import io.qunyun.member.domain.MembershipConflictException;
import io.qunyun.member.domain.MergeConflictException;
import io.qunyun.member.domain.NotAGroupMemberException;
import io.qunyun.member.domain.NotAReviewerException;
import io.qunyun.member.domain.NotFoundException;
import io.qunyun.member.domain.RewardNotFoundException;
import io.qunyun.member.domain.RulesUnavailableException;
import io.qunyun.platform.rest.Problem;
import io.qunyun.platform.rest.ProblemType;
import io.qunyun.platform.rest.Problems;

/**
 * The problems of member-service's own domain refusals; the shared ones (validation, JSON, tokens, database,
 * defects) are the platform's (io.qunyun.platform.rest). Field names are the client's request fields.
 */
public class MemberProblemMappers {

    @ServerExceptionMapper
    public Response memberNotFound(MemberNotFoundException exception, UriInfo uriInfo) {
        return problem(ProblemType.NOT_FOUND, exception.getMessage(), uriInfo,
                "id", "no member with id " + exception.memberId());
    }

    @ServerExceptionMapper
    public Response duplicateMember(DuplicateMemberException exception, UriInfo uriInfo) {
        return problem(ProblemType.DUPLICATE_MEMBER, exception.getMessage(), uriInfo, "externalId",
                "already registered for this sourceSystem as member " + exception.existingMemberId());
    }

    @ServerExceptionMapper
    public Response groupNotKnown(GroupNotKnownException exception, UriInfo uriInfo) {
        return problem(ProblemType.NOT_FOUND, exception.getMessage()
                + " (member-service learns groups from campaign-service's group-changes)", uriInfo,
                exception.field(), exception.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException exception, UriInfo uriInfo) {
        return problem(ProblemType.NOT_FOUND, exception.getMessage(), uriInfo, exception.field(), exception.getMessage());
    }

    @ServerExceptionMapper
    public Response membershipConflict(MembershipConflictException exception, UriInfo uriInfo) {
        // one title per type (docs/errors.md); the deciding row, if any, is in rule and tableVersion
        String title = ProblemType.ofSlug(exception.kind()).map(ProblemType::title).orElse(ProblemType.CONFLICT.title());
        Map<String, Object> decidedBy = new LinkedHashMap<>();
        if (exception.rule() != null) {
            decidedBy.put("rule", exception.rule());
        }
        if (exception.tableVersion() != null) {
            decidedBy.put("tableVersion", exception.tableVersion());
        }
        return Problems.response(new Problem(ProblemType.uriOf(exception.kind()), title, 409, exception.getMessage(),
                Problems.instance(uriInfo), List.of(new Problem.FieldError(exception.field(), exception.getMessage())),
                decidedBy));
    }

    @ServerExceptionMapper
    public Response notAReviewer(NotAReviewerException exception, UriInfo uriInfo) {
        return problem(ProblemType.NOT_A_REVIEWER, exception.getMessage(), uriInfo, exception.field(),
                exception.getMessage());
    }

    @ServerExceptionMapper
    public Response notAGroupMember(NotAGroupMemberException exception, UriInfo uriInfo) {
        return Problems.field(ProblemType.NOT_A_GROUP_MEMBER, exception.field(), exception.getMessage(), uriInfo);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException exception, UriInfo uriInfo) {
        return Problems.field(ProblemType.INVALID_REQUEST, exception.field(), exception.getMessage(), uriInfo);
    }

    /** The service is shutting down and takes no more activities: retry (on another instance). */
    @ServerExceptionMapper
    public Response stopping(ActivityIntake.IntakeStoppedException exception, UriInfo uriInfo) {
        return Problems.response(ProblemType.MEMBER_SERVICE_UNAVAILABLE, exception.getMessage(), uriInfo, List.of());
    }

    @ServerExceptionMapper
    public Response rulesUnavailable(RulesUnavailableException exception, UriInfo uriInfo) {
        // same type and Retry-After as campaign-service's (docs/errors.md): nothing was written, try again
        return Problems.response(ProblemType.RULES_SERVICE_UNAVAILABLE, exception.getMessage(), uriInfo, List.of());
    }

    @ServerExceptionMapper
    public Response insufficientPoints(InsufficientPointsException exception, UriInfo uriInfo) {
        return problem(ProblemType.INSUFFICIENT_POINTS, exception.getMessage(), uriInfo, "rewardId",
                "costs " + exception.cost() + " points; the balance is " + exception.balance());
    }

    @ServerExceptionMapper
    public Response rewardNotFound(RewardNotFoundException exception, UriInfo uriInfo) {
        return problem(ProblemType.NOT_FOUND, exception.getMessage(), uriInfo, "rewardId", "no active reward with this id");
    }

    @ServerExceptionMapper
    public Response duplicateReward(DuplicateRewardException exception, UriInfo uriInfo) {
        return problem(ProblemType.DUPLICATE_REWARD, exception.getMessage(), uriInfo, "code",
                "already used by another reward");
    }

    @ServerExceptionMapper
    public Response mergeConflict(MergeConflictException exception, UriInfo uriInfo) {
        return problem(ProblemType.MERGE_CONFLICT, exception.getMessage(), uriInfo, "from", exception.getMessage());
    }

    @ServerExceptionMapper
    public Response identityTaken(IdentityTakenException exception, UriInfo uriInfo) {
        return problem(ProblemType.IDENTITY_TAKEN, exception.getMessage(), uriInfo, "externalId",
                "already belongs to a member");
    }

    /** An idempotency key sent again with another request: the first stays, nothing is written. */
    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException exception, UriInfo uriInfo) {
        return Problems.field(ProblemType.IDEMPOTENCY_KEY_REUSED, exception.field(), exception.getMessage(), uriInfo);
    }

    private static Response problem(ProblemType type, String detail, UriInfo uriInfo, String field, String message) {
        return Problems.response(type, detail, uriInfo, List.of(new Problem.FieldError(field, message)));
    }
}
