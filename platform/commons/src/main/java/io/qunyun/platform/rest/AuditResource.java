package io.qunyun.platform.rest;

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

import io.qunyun.platform.audit.AuditEntry;
import io.qunyun.platform.audit.AuditLog;
import io.qunyun.platform.audit.AuditQuery;
import io.qunyun.platform.audit.AuditVocabulary;

/**
 * The audit log, for admins: who did what to what, and when (docs/operations.md, "Audit log"). The same in
 * every service; the tag's description, naming what the service records, is in its META-INF/openapi.yaml.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    /**
     * {@code actor} is the caller's token subject ({@code sub}) or {@code system}; {@code actorName} the display
     * name the token carried, when it had one; {@code cause} is set for the service's own actions (actor
     * {@code system}): the consumer or job that acted.
     */
    public record AuditEntryView(long id, Instant at, String actor, String actorName, List<String> actorRoles, String cause,
            String action, String targetType, String targetId, Map<String, Object> detail) {

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id(), e.at(), e.actor().name(), e.actor().displayName(), e.actor().roles(),
                    e.actor().cause(), e.action(), e.targetType(), e.targetId(), e.detail());
        }
    }

    public record AuditPage(List<AuditEntryView> items, String nextCursor) {
    }

    private final AuditLog audit;
    private final AuditVocabulary vocabulary;

    AuditResource(AuditLog audit, AuditVocabulary vocabulary) {
        this.audit = audit;
        this.vocabulary = vocabulary;
    }

    @RolesAllowed("admin")
    @GET
    @Operation(summary = "Audit entries, newest first; filters combine; follow nextCursor with ?after=",
            description = "actor (the token subject sub, or system), action (one of the service's, named <target type>.<what happened>), targetType, targetId: exact; "
                    + "from (inclusive), to (exclusive): ISO-8601 instants; limit 1-500 (default 50).")
    public AuditPage list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        AuditQuery query;
        try {
            query = AuditQuery.parse(vocabulary, actor, action, targetType, targetId, from, to, after, limit);
        } catch (AuditQuery.InvalidFilterException e) {
            throw new InvalidParameterException(e.field(), e.getMessage());
        }
        AuditLog.Page page = audit.page(query);
        return new AuditPage(page.entries().stream().map(AuditEntryView::of).toList(), page.nextCursor());
    }
}
