package io.qunyun.member.rest;

import java.net.URI;
import java.util.UUID;

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

import io.qunyun.member.domain.ActivityService;
import io.qunyun.member.domain.LedgerService;
import io.qunyun.member.domain.MemberService;

@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final MemberService members;
    private final ActivityService activities;
    private final LedgerService ledger;

    MemberResource(MemberService members, ActivityService activities, LedgerService ledger) {
        this.members = members;
        this.activities = activities;
        this.ledger = ledger;
    }

    @POST
    public Response register(@Valid @NotNull CreateMemberRequest body, @Context UriInfo uriInfo) {
        var member = members.register(body.sourceSystem(), body.externalId(), body.displayName());
        URI location = uriInfo.getAbsolutePathBuilder().path(member.id.toString()).build();
        return Response.created(location).entity(MemberResponse.of(member)).build();
    }

    @GET
    @Path("{id}")
    public MemberResponse get(@PathParam("id") UUID id) {
        return MemberResponse.of(members.get(id));
    }

    /** 201 for a new activity; 200 with the original one when the idempotency key was used before. */
    @POST
    @Path("{id}/activities")
    public Response recordActivity(@PathParam("id") UUID id, @Valid @NotNull RecordActivityRequest body) {
        var recorded = activities.record(id, body.type(), body.groupId(), body.occurredAt().toInstant(),
                body.idempotencyKey());
        return Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ActivityResponse.of(recorded.activity()))
                .build();
    }

    @GET
    @Path("{id}/points")
    public PointsResponse points(@PathParam("id") UUID id, @QueryParam("limit") String limit) {
        return PointsResponse.of(ledger.statement(id, parseLimit(limit)));
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("limit", "must be an integer between 1 and " + MAX_LIMIT);
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }
}
