package io.qunyun.member.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.member.domain.MembershipService;
import io.qunyun.member.rest.MembershipDtos.MembershipResponse;

/** A member's groups. (A path of its own: under MemberResource's /members it would never be matched.) */
@Path("/members/{id}/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships")
public class MemberMembershipResource {

    private final MembershipService memberships;

    MemberMembershipResource(MembershipService memberships) {
        this.memberships = memberships;
    }

    /** Every membership of the member, open and ended, newest first. */
    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    public List<MembershipResponse> groups(@PathParam("id") UUID id) {
        return memberships.groupsOf(id).stream().map(MembershipResponse::of).toList();
    }
}
