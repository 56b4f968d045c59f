package io.qunyun.member.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.member.domain.MembershipExits;
import io.qunyun.member.domain.MembershipService;
import io.qunyun.member.domain.Membership;
import io.qunyun.member.rest.MembershipDtos.ApplicationResponse;
import io.qunyun.member.rest.MembershipDtos.ApplyRequest;
import io.qunyun.member.rest.MembershipDtos.ClosureRequest;
import io.qunyun.member.rest.MembershipDtos.ClosureResponse;
import io.qunyun.member.rest.MembershipDtos.DecisionRequest;
import io.qunyun.member.rest.MembershipDtos.ExpelRequest;
import io.qunyun.member.rest.MembershipDtos.JoinRequest;
import io.qunyun.member.rest.MembershipDtos.LeaveRequest;
import io.qunyun.member.rest.MembershipDtos.MembersPage;
import io.qunyun.member.rest.MembershipDtos.MembershipResponse;

/** A group's members: join, apply and review, leave, expel, close; list with a cursor. */
@Path("/groups/{groupId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships")
public class GroupMembershipResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final MembershipService memberships;
    private final MembershipExits exits;

    GroupMembershipResource(MembershipService memberships, MembershipExits exits) {
        this.memberships = memberships;
        this.exits = exits;
    }

    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    @Operation(summary = "The group as member-service knows it (replica of campaign-service's group-changes)")
    public MembershipDtos.GroupResponse group(@PathParam("groupId") UUID groupId) {
        return MembershipDtos.GroupResponse.of(memberships.knownGroup(groupId));
    }

    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    @Path("members")
    @Operation(summary = "Join a group", description = "201 with the membership; 202 with a pending application when "
            + "an invitation (invitedFromGroupId) meets a group that screens; 409 when the group screens "
            + "(apply instead), the member is in already, or the Admission table refuses a former member (rule named).")
    public Response join(@PathParam("groupId") UUID groupId, @Valid @NotNull JoinRequest body, @Context UriInfo uriInfo) {
        MembershipService.JoinResult result = memberships.join(groupId, body.command());
        if (result.membership() == null) {
            URI location = uriInfo.getBaseUriBuilder().path("groups").path(groupId.toString()).path("applications")
                    .path(result.application().id.toString()).build();
            return Response.accepted(ApplicationResponse.of(result.application())).location(location).build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(body.memberId().toString()).build())
                .entity(MembershipResponse.of(result.membership())).build();
    }

    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    @Path("members")
    @Operation(summary = "Open memberships of the group, in membership id order; follow nextCursor with ?after=")
    public MembersPage members(@PathParam("groupId") UUID groupId, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        int size = Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        // one extra row tells whether another page exists
        List<Membership> rows = memberships.members(groupId, Paging.after(after), size + 1);
        List<Membership> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size ? page.get(page.size() - 1).id.toString() : null;
        return new MembersPage(page.stream().map(MembershipResponse::of).toList(), next);
    }

    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    @Path("members/{memberId}/leave")
    @Operation(summary = "The member leaves (VOLUNTARY, or VOLUNTARY_WITH_REASON when a reason is given)")
    public MembershipResponse leave(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId,
            @Valid LeaveRequest body) {
        return MembershipResponse.of(exits.leave(groupId, memberId, body == null ? null : body.reason()));
    }

    @RolesAllowed({"reviewer", "admin"})
    @POST
    @Path("members/{memberId}/expel")
    @Operation(summary = "A reviewer of the group expels the member, with a reason")
    public MembershipResponse expel(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId,
            @Valid @NotNull ExpelRequest body) {
        return MembershipResponse.of(exits.expel(groupId, memberId, body.reviewerId(), body.reason()));
    }

    // integration: campaign-service closes the memberships of a group it dissolves or transfers (lifecycle)
    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    @Path("closure")
    @Operation(summary = "campaign-service closes the group: every open membership (or those of memberIds) ends as GROUP_DISSOLVED or TRANSFERRED")
    public ClosureResponse close(@PathParam("groupId") UUID groupId, @Valid @NotNull ClosureRequest body) {
        List<Membership> ended = exits.closeGroup(groupId, body.kind(), body.reason(), body.successorGroupId(),
                body.memberIds());
        return new ClosureResponse(groupId, body.kind(), ended.size(), ended.stream().map(m -> m.id).toList());
    }

    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    @Path("applications")
    @Operation(summary = "Apply to a group with answers to its screening questions; a reviewer decides")
    public Response apply(@PathParam("groupId") UUID groupId, @Valid @NotNull ApplyRequest body,
            @Context UriInfo uriInfo) {
        var application = memberships.apply(groupId, body.memberId(), body.domainAnswers());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(application.id.toString()).build())
                .entity(ApplicationResponse.of(application)).build();
    }

    @RolesAllowed({"reviewer", "operator", "analyst", "admin"})
    @GET
    @Path("applications/{applicationId}")
    public ApplicationResponse application(@PathParam("groupId") UUID groupId,
            @PathParam("applicationId") UUID applicationId) {
        return ApplicationResponse.of(memberships.application(groupId, applicationId));
    }

    @RolesAllowed({"reviewer", "admin"})
    @POST
    @Path("applications/{applicationId}/decision")
    @Operation(summary = "A reviewer (staff of the group with a reviewer role: CHAPTER_LEADER, OWNER) approves or "
            + "rejects; a rejection needs a reason; approval creates the membership and its joined event")
    public ApplicationResponse decide(@PathParam("groupId") UUID groupId, @PathParam("applicationId") UUID applicationId,
            @Valid @NotNull DecisionRequest body) {
        return ApplicationResponse.of(memberships.decide(groupId, applicationId, body.reviewerId(), body.outcome(),
                body.reason()));
    }
}
