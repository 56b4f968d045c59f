package io.qunyun.rules.rest;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.rules.persistence.DecisionTableReleaseRepository;

@Path("/decision-tables")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decision tables", description = "Which table versions this service has served, and since when")
public class DecisionTablesResource {

    public record TableRelease(String name, String version, int rows, OffsetDateTime firstServedAt) {
    }

    @Inject
    DecisionTableReleaseRepository releases;

    @GET
    @Operation(summary = "Every version of every decision table served so far",
            description = "Ordered by table name, then by the time the version was first served.")
    public List<TableRelease> list() {
        return releases.listByTableAndTime().stream()
                .map(r -> new TableRelease(r.key.tableName, r.key.version, r.rowCount, r.firstServedAt))
                .toList();
    }
}
