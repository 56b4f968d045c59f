package io.qunyun.rules.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.platform.rest.Problem;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.HitPolicy;
import io.qunyun.rules.domain.TableInfo;
import io.qunyun.rules.persistence.DecisionTableReleaseRepository;

@Path("/decision-tables")
@Tag(name = "Decision tables", description = "Which table versions this service has served, and the workbooks in use")
public class DecisionTablesResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public record TableRelease(
            String name,
            String version,
            int rows,
            OffsetDateTime firstServedAt,
            @Schema(description = "Hit policy of the table in use: UNIQUE, PRIORITY or COLLECT", nullable = true) HitPolicy hitPolicy,
            @Schema(description = "true for the version this instance serves now") boolean inUse,
            @Schema(description = "Where to download the workbook in use", nullable = true) String download) {
    }

    @Inject
    DecisionTableReleaseRepository releases;

    @Inject
    DecisionTableCatalog catalog;

    @RolesAllowed({"analyst", "operator", "admin"})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every version of every decision table served so far",
            description = "Ordered by table name, then by the time the version was first served (when it went live). "
                    + "The version in use has inUse=true, its hit policy and a download link.")
    public List<TableRelease> list() {
        return releases.listByTableAndTime().stream().map(r -> {
            Optional<TableInfo> current = DecisionTable.byName(r.key.tableName).map(catalog::info);
            boolean inUse = current.map(info -> info.version().equals(r.key.version)).orElse(false);
            return new TableRelease(r.key.tableName, r.key.version, r.rowCount, r.firstServedAt,
                    current.map(TableInfo::hitPolicy).orElse(null), inUse,
                    inUse ? "/decision-tables/" + r.key.tableName : null);
        }).toList();
    }

    public record TableForm(String name, String endpoint, java.util.List<String> fields) {
    }

    @GET
    @Path("/{name}/form")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "operator", "integration", "admin"})
    @Operation(summary = "How to ask the table: its decision endpoint and request fields (for the analysts' page)")
    public TableForm form(@Parameter(description = "Table name, e.g. Rewards") @PathParam("name") String name) {
        DecisionTable table = DecisionTableVersionsResource.table(name);
        return new TableForm(table.tableName(), table.endpoint(), io.qunyun.rules.domain.check.DecisionCases.inputFields(table));
    }

    @RolesAllowed({"analyst", "operator", "admin"})
    @GET
    @Path("/{name}")
    @Produces({XLSX, Problem.MEDIA_TYPE})
    @Operation(summary = "Download the workbook in use",
            description = "The exact .drl.xlsx this build compiled, to edit and check with scripts/check-tables. "
                    + "ETag is the table version (sha256 of the file).")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No table of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(@Parameter(description = "Table name, e.g. Rewards") @PathParam("name") String name) {
        DecisionTable table = DecisionTable.byName(name)
                .orElseThrow(() -> new NotFoundException("No decision table named '" + name + "'; GET /decision-tables lists them"));
        return Response.ok(catalog.workbook(table), XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + table.fileName() + "\"")
                .tag(new EntityTag(catalog.version(table)))
                .build();
    }
}
