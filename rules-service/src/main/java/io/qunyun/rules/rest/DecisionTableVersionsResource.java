package io.qunyun.rules.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.platform.rest.Problem;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.DecisionTableCatalog;
import io.qunyun.rules.domain.TableCompiler;
import io.qunyun.rules.config.TablesConfig;
import io.qunyun.rules.domain.check.CompileGate;
import io.qunyun.rules.domain.check.WorkbookCheck;
import io.qunyun.rules.domain.check.WorkbookGuard;
import io.qunyun.rules.domain.check.WorkbookRefusedException;
import io.qunyun.rules.domain.versions.DecisionTableVersions;
import io.qunyun.rules.persistence.TableActivations;
import io.qunyun.rules.persistence.TableVersionStore;

/**
 * Analysts check, publish and roll back decision-table workbooks without a developer or a redeploy:
 * upload (= check and store), list, download, activate. Activation appends a row every replica polls.
 */
@Path("/decision-tables/{name}/versions")
@Tag(name = "Decision tables", description = "Upload, check, publish and roll back decision-table workbooks")
public class DecisionTableVersionsResource {

    public record VersionView(String version, String uploadedBy, OffsetDateTime uploadedAt, boolean compiled, boolean complete,
            boolean casesPassed, boolean inUse, boolean builtIn, String download) {
    }

    public record ActivationView(long id, String version, String activatedBy, OffsetDateTime activatedAt) {
    }

    public record TableVersions(String name, String inUse, String builtIn, List<VersionView> versions,
            List<ActivationView> activations) {
    }

    public record Upload(String version, boolean stored, WorkbookCheck.Result check) {
    }

    @Inject
    WorkbookCheck check;

    @Inject
    TableVersionStore store;

    @Inject
    TableActivations activations;

    @Inject
    DecisionTableVersions tableVersions;

    @Inject
    DecisionTableCatalog catalog;

    @Inject
    ObjectMapper json;

    @Inject
    CompileGate gate;

    @Inject
    WorkbookGuard guard;

    @Inject
    TablesConfig config;

    @POST
    @Consumes({DecisionTablesResource.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Upload a workbook: check it and store it as a version (not published)",
            description = "Compile, completeness and conflicts, regression cases, row diff against the version in use and the "
                    + "decisions that would change. Every problem names sheet, row, column and cell, in Chinese and English. "
                    + "Only data cells may differ from the built-in workbook: a changed setting, RuleTable row, column kind, "
                    + "object type, code template or column title, or a data cell holding code, is refused (422 workbook-refused, "
                    + "errors[].field = sheet!cell) and nothing is compiled or stored. A body over the upload limit (2 MiB), a "
                    + "zip bomb or a sheet over the row/column caps is 413; a file that is not an .xlsx workbook 400 "
                    + "malformed-body; while another upload is being checked, or when the check takes too long, 503 "
                    + "table-compiler-busy with Retry-After.")
    @APIResponse(responseCode = "200", description = "Checked; stored unless the same workbook was stored before")
    @APIResponse(responseCode = "400", description = "Not an .xlsx workbook (malformed-body, errors[].field = body)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body, inflated size, rows or columns over the limits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "More than data changed: workbook-refused, each place as errors[].field "
            + "(e.g. Rewards!K9) and problems[] (zh, en)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Another workbook is being checked, or the check took too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Upload upload(@PathParam("name") String name, byte[] workbook, @Context SecurityContext security) {
        DecisionTable table = table(name);
        if (workbook == null || workbook.length == 0) {
            throw new ClientErrorException("body: send the workbook (.xlsx) as the request body", 400);
        }
        if (workbook.length > config.upload().maxBytes()) {
            throw WorkbookRefusedException.bodyTooLarge(table, config.upload().maxBytes()); // a chunked body has no length
        }
        List<TableCompiler.Module> compiled = new ArrayList<>(1);
        WorkbookCheck.Result result = gate.run(() -> check.check(table, workbook, compiled::add));
        boolean stored = tableVersions.upload(table, result, workbook, write(result), who(security));
        compiled.forEach(module -> activations.storeCompiled(table, result.version(), module));
        return new Upload(result.version(), stored, result);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "admin", "operator"})
    @Operation(summary = "Versions of the table (newest upload first) and its activations (newest first)")
    public TableVersions list(@PathParam("name") String name) {
        DecisionTable table = table(name);
        String inUse = catalog.active(table).version();
        String builtIn = catalog.builtIn(table).version();
        List<VersionView> versions = store.versions(table.tableName()).stream()
                .map(v -> new VersionView(v.version(), v.uploadedBy(), v.uploadedAt(), v.compiled(), v.complete(), v.casesPassed(),
                        v.version().equals(inUse), v.version().equals(builtIn),
                        "/decision-tables/" + table.tableName() + "/versions/" + v.version() + "/workbook"))
                .toList();
        List<ActivationView> history = store.activations(table.tableName()).stream()
                .map(a -> new ActivationView(a.id(), a.version(), a.activatedBy(), a.activatedAt())).toList();
        return new TableVersions(table.tableName(), inUse, builtIn, versions, history);
    }

    @GET
    @Path("/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "The check of a stored version, as its upload answered it")
    public JsonNode checkOf(@PathParam("name") String name, @PathParam("version") String version) {
        DecisionTable table = table(name);
        String stored = store.checkResult(table.tableName(), version).orElseThrow(() -> notFound(table, version));
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/{version}/workbook")
    @Produces({DecisionTablesResource.XLSX, Problem.MEDIA_TYPE})
    @RolesAllowed({"analyst", "admin", "operator"})
    @Operation(summary = "Download a stored version's workbook")
    public Response download(@PathParam("name") String name, @PathParam("version") String version) {
        DecisionTable table = table(name);
        byte[] workbook = store.workbook(table.tableName(), version).orElseThrow(() -> notFound(table, version));
        return Response.ok(workbook, DecisionTablesResource.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + table.fileName() + "\"")
                .tag(new EntityTag(version)).build();
    }

    @POST
    @Path("/{version}/activate")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Publish a checked version, or roll back to an earlier one",
            description = "Every replica decides with it within the poll interval; it survives restarts. A version that does "
                    + "not compile or has gaps or conflicts is refused (409); one whose regression cases fail needs "
                    + "confirmChangedDecisions=true (the analyst changed those decisions on purpose).")
    public ActivationView activate(@PathParam("name") String name, @PathParam("version") String version,
            @QueryParam("confirmChangedDecisions") @DefaultValue("false") boolean confirm, @Context SecurityContext security) {
        DecisionTable table = table(name);
        TableVersionStore.Version stored = store.version(table.tableName(), version).orElseThrow(() -> notFound(table, version));
        if (!stored.compiled() || !stored.complete()) {
            throw new ClientErrorException("version: " + version + " does not compile or has gaps or conflicts (see its check); "
                    + "fix the workbook and upload it again / 该版本无法编译或存在缺口、冲突，请修改后重新上传", 409);
        }
        if (!version.equals(catalog.builtIn(table).version())) {
            // a version stored before uploads were checked is published only if it passes the checks now (else 422)
            store.workbook(table.tableName(), version).ifPresent(workbook -> guard.admit(table, workbook));
        }
        if (!stored.casesPassed() && !confirm) {
            throw new ClientErrorException("confirmChangedDecisions: regression cases fail with " + version + "; confirm that the "
                    + "changed decisions are intended / 回归用例未通过，请确认这些决策变化是有意的", 409);
        }
        TableVersionStore.Activation activation = tableVersions.activate(table, version, who(security), confirm);
        activations.sync(); // this replica at once; the others at their next poll
        return new ActivationView(activation.id(), activation.version(), activation.activatedBy(), activation.activatedAt());
    }

    private String write(WorkbookCheck.Result result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String who(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

    static DecisionTable table(String name) {
        return DecisionTable.byName(name).orElseThrow(() -> new NotFoundException("No decision table named '" + name
                + "'; the tables are " + Set.of(DecisionTable.values()).stream().map(DecisionTable::tableName).sorted()
                        .collect(Collectors.joining(", "))));
    }

    private static NotFoundException notFound(DecisionTable table, String version) {
        return new NotFoundException("version: " + table.tableName() + " has no stored version " + version);
    }
}
