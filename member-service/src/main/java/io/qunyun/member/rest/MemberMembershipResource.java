package io.qunyun.member.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.member.domain.MembershipService;
import io.qunyun.member.domain.RoleCatalogue;
import io.qunyun.member.rest.MembershipDtos.MembershipResponse;

/** A member's groups, and the role catalogue. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships")
public class MemberMembershipResource {

    private final MembershipService memberships;
    private final RoleCatalogue roles;

    MemberMembershipResource(MembershipService memberships, RoleCatalogue roles) {
        this.memberships = memberships;
        this.roles = roles;
    }

    /** Every membership of the member, open and ended, newest first. */
    @GET
    @Path("members/{id}/groups")
    public List<MembershipResponse> groups(@PathParam("id") UUID id) {
        return memberships.groupsOf(id).stream().map(MembershipResponse::of).toList();
    }

    /** The role catalogue (roles.csv): which roles exist, which are staff, which may review. */
    @GET
    @Path("roles")
    public List<RoleCatalogue.Role> roles() {
        return roles.all();
    }
}
