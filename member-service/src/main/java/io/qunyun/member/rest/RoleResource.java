package io.qunyun.member.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.member.domain.RoleCatalogue;

/** The role catalogue (roles.csv): which roles exist, which are staff, which may review. */
@Path("/roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships")
public class RoleResource {

    private final RoleCatalogue roles;

    RoleResource(RoleCatalogue roles) {
        this.roles = roles;
    }

    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    public List<RoleCatalogue.Role> roles() {
        return roles.all();
    }
}
