package io.qunyun.platform.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;

/**
 * The failures every service answers the same way (docs/errors.md): validation, unreadable JSON, refused
 * parameters, the HTTP layer's refusals, tokens, an unreachable database, defects. A service maps only its own
 * domain exceptions. Indexed from this jar (META-INF/beans.xml), so each service runs these.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Also the subtypes Quarkus has non-problem mappers for (the REST layer's violation exception). */
    @ServerExceptionMapper({ ValidationException.class, ConstraintViolationException.class,
            ResteasyReactiveViolationException.class })
    public Response invalidRequest(ValidationException e, UriInfo uri) {
        if (!(e instanceof ConstraintViolationException violations)) {
            return unexpected(e, uri); // a constraint declared wrongly: a defect
        }
        List<Problem.FieldError> errors = RequestFields.of(violations);
        return Problems.response(ProblemType.INVALID_REQUEST, RequestFields.detail(errors), uri, errors);
    }

    /** Quarkus REST has a built-in (non-problem) mapper for this subtype: bad enum values, wrong types. */
    @ServerExceptionMapper
    public Response unbindableJson(MismatchedInputException e, UriInfo uri) {
        return Problems.response(JsonProblems.of(e, Problems.instance(uri)));
    }

    /**
     * A body the parser gave up on, including nesting deeper than Jackson's StreamReadConstraints allow (1,000
     * levels; thrown unwrapped), or a value that could not be bound.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return Problems.response(JsonProblems.of(e, Problems.instance(uri)));
    }

    /** A path or query parameter the resource refuses (a filter, a cursor, text with U+0000): 400 naming it. */
    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return Problems.field(ProblemType.INVALID_REQUEST, e.parameter(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e.toProblem(Problems.instance(uri)));
    }

    /** The HTTP layer's refusals (404 route, 405, 406, 415, ...); the JSON reader wraps syntax errors in a 400. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return Problems.response(new Problem(ProblemType.uriForStatus(status), ProblemType.titleForStatus(status),
                status, e.getMessage(), Problems.instance(uri), null, null));
    }

    /**
     * No token, an invalid or an expired one: 401 with a Bearer challenge. Authentication is not proactive
     * (quarkus.http.auth.proactive=false), so a bad token reaches this mapper too.
     */
    @ServerExceptionMapper({ io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problems.response(ProblemType.UNAUTHORIZED,
                "A bearer token is required: none was sent, or it is invalid or expired.", uri, null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** A valid token whose roles may not call the endpoint (@RolesAllowed; docs/operations.md, "Security"). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return Problems.response(ProblemType.FORBIDDEN, "The token's roles may not do this.", uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri); // a reader that wrapped the parser's refusal in another exception
            }
        }
        String path = Problems.instance(uri);
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("Database unavailable on %s: %s", path, e.toString());
            return Problems.response(ProblemType.DATABASE_UNAVAILABLE, "The database is unavailable; retry later.",
                    uri, null);
        }
        // the client gets a reference to quote; the stack trace stays in the log
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", reference, path);
        return Problems.response(ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred (reference " + reference + ")", uri, null);
    }
}
