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

import io.qunyun.member.domain.ActivityAttributes;
import io.qunyun.member.domain.ActivityIntake;
import io.qunyun.member.domain.ActivityService;
import io.qunyun.member.domain.LedgerService;
import io.qunyun.member.domain.MemberService;
import io.qunyun.member.domain.MergeService;
import io.qunyun.member.domain.RedemptionService;
import io.qunyun.member.domain.TierService;
import io.qunyun.platform.rest.InvalidParameterException;
import io.qunyun.member.domain.Activity;
import io.smallrye.mutiny.Uni;

@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final MemberService members;
    private final ActivityService activities;
    private final LedgerService ledger;
    private final TierService tiers;
    private final RedemptionService redemptions;
    private final MergeService merges;
    private final ActivityIntake intake;

    MemberResource(MemberService members, ActivityService activities, LedgerService ledger, TierService tiers,
            RedemptionService redemptions, MergeService merges, ActivityIntake intake) {
        this.intake = intake;
        this.merges = merges;
        this.members = members;
        this.activities = activities;
        this.ledger = ledger;
        this.tiers = tiers;
        this.redemptions = redemptions;
    }

    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    public Response register(@Valid @NotNull CreateMemberRequest body, @Context UriInfo uriInfo) {
        var member = members.register(body.sourceSystem(), body.externalId(), body.displayName());
        URI location = uriInfo.getAbsolutePathBuilder().path(member.id.toString()).build();
        return Response.created(location).entity(MemberResponse.of(member)).build();
    }

    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    @Path("{id}")
    public MemberResponse get(@PathParam("id") UUID id) {
        return MemberResponse.of(members.get(id));
    }

    /**
     * 201 for a new activity; 200 with the original one when the idempotency key was used before for the same
     * activity, 409 (idempotency-key-reused) when for another; 400 naming occurredAt outside the bounds.
     * Answered once the activity is committed: activities arriving together are written in one transaction
     * ({@link ActivityIntake}), so no thread waits for the database on the caller's behalf.
     */
    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    @Path("{id}/activities")
    public Uni<Response> recordActivity(@PathParam("id") UUID id, @Valid @NotNull RecordActivityRequest body) {
        var activity = new ActivityService.NewActivity(id, body.type(), body.groupId(), body.occurredAt().toInstant(),
                body.idempotencyKey(), body.attributes() == null ? ActivityAttributes.NONE : body.attributes().toDomain());
        // the answer is built back on this request's event loop, not on the intake's writer thread
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> intake.record(activity))
                .emitOn(context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run()))
                .map(recorded -> Response.status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(ActivityResponse.of(recorded.activity()))
                        .build());
    }

    /** The balance and ledger entries, newest first, one page at a time: {@code after} = the previous nextCursor. */
    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    @Path("{id}/points")
    public PointsResponse points(@PathParam("id") UUID id, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        int size = parseLimit(limit);
        return PointsResponse.of(ledger.statement(id, parseLedgerCursor(after), size), size);
    }

    /** A member's activities, newest first, one page at a time: {@code after} = the previous nextCursor. */
    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    @Path("{id}/activities")
    public ActivitiesPage activities(@PathParam("id") UUID id, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        int size = parseLimit(limit);
        Activity cursor = null;
        if (after != null && !after.isBlank()) {
            UUID afterId;
            try {
                afterId = UUID.fromString(after.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("after", "must be the nextCursor of the previous page");
            }
            cursor = activities.find(id, afterId);
            if (cursor == null) {
                throw new InvalidParameterException("after", "is not an activity of this member");
            }
        }
        List<Activity> page = activities.page(id, cursor, size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            next = page.get(size - 1).id.toString();
        }
        return new ActivitiesPage(page.stream().map(ActivityResponse::of).toList(), next);
    }

    /** The member's tier changes (Tiers table decisions that changed the tier), newest first. */
    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    @Path("{id}/tier-history")
    public TierHistoryResponse tierHistory(@PathParam("id") UUID id) {
        var member = members.get(id);
        return new TierHistoryResponse(member.id, member.tier, member.tierBenefits,
                tiers.history(id).stream().map(TierHistoryResponse.Change::of).toList());
    }

    /**
     * Redeems a catalogue reward: 201 with the new balance; 200 with the original redemption when the
     * idempotency key was used before for the same reward (409 idempotency-key-reused for another); 409 when
     * the balance is short (nothing is written).
     */
    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    @Path("{id}/redemptions")
    public Response redeem(@PathParam("id") UUID id, @Valid @NotNull RedeemRequest body) {
        var redeemed = redemptions.redeem(id, body.rewardId(), body.idempotencyKey());
        return Response.status(redeemed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(RedemptionResponse.of(redeemed))
                .build();
    }

    /** The member's external ids (its registration id first). */
    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    @Path("{id}/identities")
    public List<IdentityDtos.Identity> identities(@PathParam("id") UUID id) {
        return merges.identities(id).stream().map(i -> new IdentityDtos.Identity(i[0], i[1])).toList();
    }

    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    @Path("{id}/identities")
    public Response addIdentity(@PathParam("id") UUID id, @Valid @NotNull IdentityDtos.IdentityRequest body) {
        merges.addIdentity(id, body.sourceSystem().strip(), body.externalId().strip());
        return Response.status(Response.Status.CREATED)
                .entity(new IdentityDtos.Identity(body.sourceSystem().strip(), body.externalId().strip())).build();
    }

    /** Merges the member {@code from} into this one (the survivor) and answers the survivor. */
    @RolesAllowed({"integration", "operator", "admin"})
    @POST
    @Path("{id}/merge")
    public MemberResponse merge(@PathParam("id") UUID id, @Valid @NotNull IdentityDtos.MergeRequest body) {
        return MemberResponse.of(merges.merge(id, body.from()));
    }

    private static Long parseLedgerCursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(after.strip());
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("after", "must be the nextCursor of the previous page");
        }
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
