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

    /** How long a client waits before retrying after a 503 (a dependency down): about a restart's time. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    /** A service this one needs is down: nothing was changed; the client may retry. */
    @ServerExceptionMapper
    public Response dependencyUnavailable(io.qunyun.campaign.domain.DependencyUnavailableException e, UriInfo uri) {
        LOG.warnf("%s unavailable: %s", e.dependency(), e.getMessage());
        String type = ProblemType.uriOf(e.dependency() + "-unavailable");
        String title = type.equals(ProblemType.MEMBER_SERVICE_UNAVAILABLE.uri()) ? ProblemType.MEMBER_SERVICE_UNAVAILABLE
                .title() : ProblemType.RULES_SERVICE_UNAVAILABLE.title();
        Problem problem = new Problem(type, title, 503, e.dependency() + " did not answer; nothing was changed. Retry later.",
                uri.getPath(), null, null);
        return respond(problem);
    }

    /** A template that does not parse or validate: every defect, each naming its field and step. */
    @ServerExceptionMapper
    public Response invalidTemplate(io.qunyun.campaign.domain.template.InvalidTemplateException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(x -> new Problem.FieldError(x.field(), x.step() == null ? x.message()
                        : "step '" + x.step() + "': " + x.message()))
                .toList();
        return respond(new Problem(ProblemType.INVALID_TEMPLATE.uri(), ProblemType.INVALID_TEMPLATE.title(), 400,
                e.getMessage(), uri.getPath(), errors, null));
    }

    /** The 5W1H self-check blocked a new group: 422 with the findings, the rows and the table version. */
    @ServerExceptionMapper
    public Response positioningBlocked(io.qunyun.campaign.domain.PositioningBlockedException e, UriInfo uri) {
        return respond(new Problem(ProblemType.GROUP_POSITIONING_BLOCKED.uri(), ProblemType.GROUP_POSITIONING_BLOCKED.title(),
                422, e.getMessage(), uri.getPath(), null, java.util.Map.of("findings", e.findings(), "firedRules",
                        e.firedRules(), "tableVersion", e.tableVersion())));
    }

    @ServerExceptionMapper
    public Response refused(io.qunyun.campaign.domain.RequestRefusedException e, UriInfo uri) {
        if (e.field() != null) {
            return respond(ProblemException.badField(e.field(), e.getMessage()).toProblem(uri.getPath()));
        }
        return respond(new Problem(ProblemType.uriForStatus(e.status()), ProblemType.titleForStatus(e.status()),
                e.status(), e.getMessage(), uri.getPath(), null, null));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(ProblemType.INVALID_REQUEST.uri(), ProblemType.INVALID_REQUEST.title(), 400, detail,
                uri.getPath(), errors, null));
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

    /**
     * Unreadable JSON, including nesting deeper than Jackson's StreamReadConstraints allow (1,000 levels), is
     * 400 malformed-body; JSON that was read but whose field has a value this service does not take is 400
     * invalid-request naming the field (text with U+0000 among them: config.StorableText).
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && readFailure(e) == null ? pathOf(m) : "";
        if (!field.isEmpty()) {
            String message = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                    && invalid.getTargetType() == String.class ? invalid.getOriginalMessage() : "has an invalid value";
            return respond(new Problem(ProblemType.INVALID_REQUEST.uri(), ProblemType.INVALID_REQUEST.title(), 400,
                    field + " " + message, uri.getPath(), List.of(new Problem.FieldError(field, message)), null));
        }
        String message = "request body is not valid JSON";
        return respond(new Problem(ProblemType.MALFORMED_BODY.uri(), ProblemType.MALFORMED_BODY.title(), 400,
                "body " + message, uri.getPath(), List.of(new Problem.FieldError("body", message)), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(new Problem(ProblemType.uriForStatus(status), ProblemType.titleForStatus(status), status,
                e.getMessage(), uri.getPath(), null, null));
    }

    /**
     * No token, an invalid or an expired one (docs/errors.md): 401 with a Bearer challenge. Authentication is
     * not proactive (quarkus.http.auth.proactive=false), so a bad token reaches this mapper too.
     */
    @ServerExceptionMapper({ io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(ProblemType.UNAUTHORIZED.uri(), ProblemType.UNAUTHORIZED.title(), 401,
                "A bearer token is required: none was sent, or it is invalid or expired.", uri.getPath(), null, null)))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid token whose roles may not call the endpoint (@RolesAllowed; docs/operations.md, "Security"). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(new Problem(ProblemType.FORBIDDEN.uri(), ProblemType.FORBIDDEN.title(), 403,
                "The token's roles may not do this.", uri.getPath(), null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri); // a reader that wrapped the parser's refusal
            }
        }
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(respond(new Problem(ProblemType.DATABASE_UNAVAILABLE.uri(),
                    ProblemType.DATABASE_UNAVAILABLE.title(), 503,
                    "The database is unavailable; retry later.", uri.getPath(), null, null)))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(new Problem(ProblemType.INTERNAL_ERROR.uri(), ProblemType.INTERNAL_ERROR.title(), 500,
                "The request could not be processed; it has been logged.", uri.getPath(), null, null));
    }

    static Response respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            // a dependency is down and nothing was written: when to try again (docs/errors.md)
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
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

    /**
     * The parser itself failed (syntax, truncation, a limit such as the nesting depth), possibly while a field
     * was being bound (Jackson then wraps it with the field's path): the body is malformed, not a value.
     */
    static com.fasterxml.jackson.core.JsonProcessingException readFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException
                    || t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
                return (com.fasterxml.jackson.core.JsonProcessingException) t;
            }
        }
        return null;
    }
}
