package io.qunyun.campaign.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.campaign.domain.template.Template;
import io.qunyun.campaign.domain.template.TemplateCatalog;
import io.qunyun.campaign.domain.template.TemplateCatalog.StoredTemplate;
import io.qunyun.campaign.domain.campaign.TimelinePlanner;
import io.qunyun.platform.rest.InvalidParameterException;
import io.qunyun.platform.rest.ProblemException;

/** Campaign templates as data: list, download, validate, upload (docs/campaigns.md). */
@Path("/templates")
@Tag(name = "Templates", description = "Campaign templates (YAML) that analysts read and edit")
public class TemplateResource {

    static final String YAML = "application/yaml";

    @Inject
    TemplateCatalog catalog;

    public record TemplateSummary(String id, String version, String title, String origin, Instant createdAt,
            int days, List<String> phases, int steps) {
    }

    public record Validation(boolean valid, String id, String version, int days, List<String> phases, int steps) {
    }

    @RolesAllowed({"operator", "analyst", "admin"})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the newest version of every template")
    public List<TemplateSummary> list() {
        return catalog.latest().stream().map(this::summary).toList();
    }

    @RolesAllowed({"operator", "analyst", "admin"})
    @GET
    @Path("/{id}/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every stored version of a template, newest first")
    public List<TemplateSummary> versions(@PathParam("id") String id) {
        List<StoredTemplate> versions = catalog.versions(id);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("template " + id);
        }
        return versions.stream().map(this::summary).toList();
    }

    @RolesAllowed({"operator", "analyst", "admin"})
    @GET
    @Path("/{id}")
    @Produces(YAML)
    @Operation(summary = "Download a template's YAML (the newest version, or ?version=sha256:…)")
    public Response download(@PathParam("id") String id, @QueryParam("version") String version) {
        StoredTemplate t = catalog.find(id, version).orElseThrow(() -> ProblemException.notFound("template " + id
                + (version == null ? "" : " version " + version)));
        return Response.ok(t.yaml(), YAML + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + t.id() + ".yaml\"")
                .header("ETag", "\"" + t.version() + "\"")
                .build();
    }

    @RolesAllowed({"analyst", "admin"})
    @POST
    @Path("/validate")
    @Consumes({ YAML, "text/yaml", MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a template without storing it",
            description = "400 problem+json lists every defect; errors[].field is the path (e.g. steps[4].at) and "
                    + "the message names the step id.")
    @APIResponse(responseCode = "200", description = "Valid; the version it would get")
    @APIResponse(responseCode = "400", description = "Invalid; errors[] name field and step")
    public Validation validate(byte[] body) {
        String yaml = utf8(body);
        Template t = catalog.validate(yaml);
        return new Validation(true, t.id(), TemplateCatalog.versionOf(yaml), TimelinePlanner.length(t),
                t.phases().stream().map(Template.Phase::name).toList(), t.steps().size());
    }

    @RolesAllowed({"analyst", "admin"})
    @POST
    @Consumes({ YAML, "text/yaml", MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a template version",
            description = "The version is the sha256 of the text; storing the same text again returns the same "
                    + "version. Running campaigns keep the version they started with.")
    @APIResponse(responseCode = "201", description = "Stored (or already stored)")
    @APIResponse(responseCode = "400", description = "Invalid; nothing stored")
    public Response upload(byte[] body) {
        StoredTemplate stored = catalog.upload(utf8(body));
        return Response.created(URI.create("/templates/" + stored.id() + "?version=" + stored.version()))
                .entity(summary(stored)).type(MediaType.APPLICATION_JSON).build();
    }

    /** Always UTF-8, whatever the client's charset parameter: the version is a hash of these exact characters. */
    private static String utf8(byte[] body) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidParameterException("body", "is not UTF-8 text");
        }
    }

    private TemplateSummary summary(StoredTemplate s) {
        Template t = catalog.parsed(s);
        return new TemplateSummary(s.id(), s.version(), s.title(), s.origin(), s.createdAt(),
                TimelinePlanner.length(t), t.phases().stream().map(Template.Phase::name).toList(), t.steps().size());
    }
}
