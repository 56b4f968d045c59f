package io.qunyun.platform.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds the problem+json answers, the same way for the platform's mappers and a service's own. */
public final class Problems {

    /** Seconds a client waits before retrying after a 503 (a dependency down): about a restart's time. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private Problems() {
    }

    /** The answer of {@code problem}; a 503 says when to try again, since nothing was written (docs/errors.md). */
    public static Response response(Problem problem) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            problem = new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                    problem.instance(), EmptyErrors.WRITTEN ? List.of() : null, problem.extensions());
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    public static Response response(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return response(new Problem(type, detail, instance(uri), errors));
    }

    /** A problem about one request field: the detail is the field and its message. */
    public static Response field(ProblemType type, String field, String message, UriInfo uri) {
        return response(type, field + " " + message, uri, List.of(new Problem.FieldError(field, message)));
    }

    /**
     * Whether a problem without field errors says {@code "errors": []} (rules-service, member-service) or leaves
     * the member out (campaign-service): each service's clients and tests rely on its form.
     */
    private static final class EmptyErrors {
        static final boolean WRITTEN = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("qunyun.problems.empty-errors", String.class).orElse("written").equals("written");
    }

    /** The request path as the client sent it (still encoded: a URI reference). */
    public static String instance(UriInfo uri) {
        return uri == null ? "/" : uri.getRequestUri().getRawPath();
    }
}
