package io.qunyun.campaign.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Every error this service answers is application/problem+json, naming the request field at fault. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    /** A service this one needs is down: nothing was changed; the client may retry. */
    @ServerExceptionMapper
    public Response dependencyUnavailable(io.qunyun.campaign.domain.DependencyUnavailableException e, UriInfo uri) {
        LOG.warnf("%s unavailable: %s", e.dependency(), e.getMessage());
        Problem problem = new Problem("https://qunyun.io/problems/" + e.dependency() + "-unavailable",
                "Service unavailable", 503, e.dependency() + " did not answer; nothing was changed. Retry later.",
                uri.getPath(), null, null);
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }

    /** A template that does not parse or validate: every defect, each naming its field and step. */
    @ServerExceptionMapper
    public Response invalidTemplate(io.qunyun.campaign.domain.template.InvalidTemplateException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(x -> new Problem.FieldError(x.field(), x.step() == null ? x.message()
                        : "step '" + x.step() + "': " + x.message()))
                .toList();
        return respond(new Problem("https://qunyun.io/problems/invalid-template", "Invalid template", 400,
                e.getMessage(), uri.getPath(), errors, null));
    }

    /** The 5W1H self-check blocked a new group: 422 with the findings, the rows and the table version. */
    @ServerExceptionMapper
    public Response positioningBlocked(io.qunyun.campaign.domain.PositioningBlockedException e, UriInfo uri) {
        return respond(new Problem("https://qunyun.io/problems/group-positioning-blocked", "Group positioning blocked",
                422, e.getMessage(), uri.getPath(), null, java.util.Map.of("findings", e.findings(), "firedRules",
                        e.firedRules(), "tableVersion", e.tableVersion())));
    }

    @ServerExceptionMapper
    public Response refused(io.qunyun.campaign.domain.RequestRefusedException e, UriInfo uri) {
        if (e.field() != null) {
            return respond(ProblemException.badField(e.field(), e.getMessage()).toProblem(uri.getPath()));
        }
        Response.Status known = Response.Status.fromStatusCode(e.status());
        return respond(new Problem("about:blank", known == null ? "HTTP " + e.status() : known.getReasonPhrase(),
                e.status(), e.getMessage(), uri.getPath(), null, null));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Bad Request", 400, detail, uri.getPath(), errors, null));
    }

    /** Quarkus REST throws this subtype for invalid request bodies; its built-in mapper is not problem+json. */
    @ServerExceptionMapper
    public Response restViolation(io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e,
            UriInfo uri) {
        return constraintViolation(e, uri);
    }

    /** Quarkus REST has a built-in (non-problem) mapper for this subtype: bad enum values, wrong types. */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String message = e instanceof JsonMappingException && !field.isEmpty()
                ? "has an invalid value" : "request body is not valid JSON";
        String name = field.isEmpty() ? "body" : field;
        return respond(new Problem("about:blank", "Bad Request", 400, name + " " + message, uri.getPath(),
                List.of(new Problem.FieldError(name, message)), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return respond(new Problem("about:blank", title, status, e.getMessage(), uri.getPath(), null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(respond(new Problem("about:blank", "Service Unavailable", 503,
                    "The database is unavailable; retry later.", uri.getPath(), null, null)))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "The request could not be processed; it has been logged.", uri.getPath(), null, null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "create.request.aidass.from" → "aidass.from": drop the method and parameter nodes. */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                continue;
            }
            names.add(node.getName());
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
