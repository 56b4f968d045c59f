package io.qunyun.campaign.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.campaign.domain.audit.AuditEntry;
import io.qunyun.campaign.domain.audit.AuditLog;
import io.qunyun.campaign.domain.audit.AuditQuery;
import io.qunyun.platform.rest.InvalidParameterException;

/** The audit log, for admins: who did what to what, and when (docs/operations.md, "Audit log"). */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who did what and when: groups and their lifecycle, campaigns, templates")
public class AuditResource {

    /** {@code cause} is set for the service's own actions (actor {@code system}): the consumer or job that acted. */
    public record AuditEntryView(long id, Instant at, String actor, List<String> actorRoles, String cause, String action,
            String targetType, String targetId, Map<String, Object> detail) {

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id(), e.at(), e.actor().name(), e.actor().roles(), e.actor().cause(), e.action(),
                    e.targetType(), e.targetId(), e.detail());
        }
    }

    public record AuditPage(List<AuditEntryView> items, String nextCursor) {
    }

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @RolesAllowed("admin")
    @GET
    @Operation(summary = "Audit entries, newest first; filters combine; follow nextCursor with ?after=",
            description = "actor (principal name, or system), action (e.g. campaign.paused), targetType, targetId: exact; "
                    + "from (inclusive), to (exclusive): ISO-8601 instants; limit 1-500 (default 50).")
    public AuditPage list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        AuditQuery query;
        try {
            query = AuditQuery.parse(actor, action, targetType, targetId, from, to, after, limit);
        } catch (AuditQuery.InvalidFilterException e) {
            throw new InvalidParameterException(e.field(), e.getMessage());
        }
        AuditLog.Page page = audit.page(query);
        return new AuditPage(page.entries().stream().map(AuditEntryView::of).toList(), page.nextCursor());
    }
}
