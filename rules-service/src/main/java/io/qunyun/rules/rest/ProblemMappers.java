package io.qunyun.rules.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.qunyun.rules.domain.DecisionTableDefectException;

/**
 * The one place that turns exceptions into {@code application/problem+json} answers. Every 400
 * names the request field at fault, whether bean validation or JSON binding rejected it.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Field name used when the whole body is at fault (missing, not an object, unreadable). */
    static final String BODY = "body";

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(requestField(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return problem(ProblemType.INVALID_REQUEST, "The request has invalid fields.", uri, errors);
    }

    @ServerExceptionMapper
    public Response unbindableJson(MismatchedInputException e, UriInfo uri) {
        if (readFailure(e) != null) {
            return malformedJson(e, uri);
        }
        String field = jsonPath(e);
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            StringJoiner allowed = new StringJoiner(", ");
            for (Object constant : invalid.getTargetType().getEnumConstants()) {
                allowed.add(((Enum<?>) constant).name());
            }
            message = "must be one of " + allowed + " (was '" + invalid.getValue() + "')";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            message = invalid.getOriginalMessage(); // text that cannot be stored (StorableText)
        } else if (e instanceof InvalidFormatException invalid) {
            message = "has an invalid value '" + invalid.getValue() + "'";
        } else {
            message = "has the wrong JSON type or is missing";
        }
        // a document of another shape (an array, a string) was read: the body as a whole is not what is expected
        return problem(BODY.equals(field) ? ProblemType.MALFORMED_BODY : ProblemType.INVALID_REQUEST,
                "The request body does not match the expected JSON.", uri, List.of(new Problem.FieldError(field, message)));
    }

    /**
     * A body the parser gave up on: not JSON, truncated, binary, or nested deeper than Jackson's
     * StreamReadConstraints allow (1,000 levels; thrown unwrapped, hence this mapper besides {@link #web}).
     */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        JsonProcessingException unreadable = readFailure(e);
        if (unreadable != null) {
            // the parser knows which field it was reading when it gave up
            return problem(ProblemType.MALFORMED_BODY, "The request body is not valid JSON: "
                    + unreadable.getOriginalMessage(), uri,
                    List.of(new Problem.FieldError(parserField(unreadable), "is not valid JSON")));
        }
        if (e instanceof MismatchedInputException mismatched) {
            return unbindableJson(mismatched, uri);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // read, but a value could not be bound (e.g. a constructor refused it)
            return problem(ProblemType.INVALID_REQUEST, "The request body does not match the expected JSON.", uri,
                    List.of(new Problem.FieldError(jsonPath(mapping), "has an invalid value")));
        }
        // the parser knows which field it was reading when it gave up
        return problem(ProblemType.MALFORMED_BODY, "The request body is not valid JSON: "
                + e.getOriginalMessage(), uri, List.of(new Problem.FieldError(parserField(e), "is not valid JSON")));
    }

    /** A path or query parameter the resource refuses (a filter of GET /audit, text with U+0000): 400 naming it. */
    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return problem(ProblemType.INVALID_REQUEST, e.parameter() + " " + e.getMessage(), uri,
                List.of(new Problem.FieldError(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return problem(status, ProblemType.uriForStatus(status), ProblemType.titleForStatus(status), e.getMessage(), uri,
                List.of());
    }

    @ServerExceptionMapper
    public Response tableDefect(DecisionTableDefectException e, UriInfo uri) {
        LOG.error("Decision table defect", e);
        return problem(ProblemType.DECISION_TABLE_DEFECT, e.getMessage(), uri, List.of());
    }

    /**
     * No token, an invalid or an expired one (docs/errors.md): 401 with a Bearer challenge. Authentication is
     * not proactive (quarkus.http.auth.proactive=false), so a bad token reaches this mapper too.
     */
    @ServerExceptionMapper({ io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(ProblemType.UNAUTHORIZED,
                "A bearer token is required: none was sent, or it is invalid or expired.", uri, List.of()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid token whose roles may not call the endpoint (@RolesAllowed; docs/operations.md, "Security"). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return problem(ProblemType.FORBIDDEN, "The token's roles may not do this.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json, uri); // a reader that wrapped the parser's refusal in another exception
            }
        }
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(problem(ProblemType.DATABASE_UNAVAILABLE,
                    "The database is unavailable; retry later.", uri, List.of()))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected error", e);
        return problem(ProblemType.INTERNAL_ERROR, "The request could not be processed.", uri, List.of());
    }

    private static Response problem(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return problem(type.status(), type.uri(), type.title(), detail, uri, errors);
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        String instance = uri == null ? "/" : "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail == null ? title : detail, instance, errors))
                .build();
    }

    /** {@code decidePositioning.request.to} → {@code to}: drop the method and parameter nodes. */
    static String requestField(Path path) {
        StringJoiner field = new StringJoiner(".");
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getName() == null) {
                continue;
            }
            field.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
        }
        return field.length() == 0 ? BODY : field.toString();
    }

    /** Dotted path of the JSON field a binding error is about ({@code body} when it is the whole document). */
    public static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? BODY : field.toString();
    }

    private static String parserField(JsonProcessingException e) {
        // truncated input: the last field read is not the one at fault, the body is
        boolean truncated = e instanceof JsonEOFException
                || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
        if (!truncated && e.getProcessor() instanceof JsonParser parser) {
            List<String> names = new ArrayList<>();
            for (JsonStreamContext ctx = parser.getParsingContext(); ctx != null; ctx = ctx.getParent()) {
                if (ctx.getCurrentName() != null) {
                    names.add(0, ctx.getCurrentName());
                }
            }
            if (!names.isEmpty()) {
                return String.join(".", names);
            }
        }
        return BODY;
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
