package io.qunyun.member.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.qunyun.member.domain.DuplicateMemberException;
import io.qunyun.member.domain.GroupNotKnownException;
import io.qunyun.member.domain.InvalidRequestException;
import io.qunyun.member.domain.DuplicateRewardException;
import io.qunyun.member.domain.IdempotencyKeyReusedException;
import io.qunyun.member.domain.IdentityTakenException;
import io.qunyun.member.domain.InsufficientPointsException;
import io.qunyun.member.domain.MergeConflictException;
import io.qunyun.member.domain.RewardNotFoundException;
import io.qunyun.member.domain.MemberNotFoundException;
import io.qunyun.member.domain.MembershipConflictException;
import io.qunyun.member.domain.NotAReviewerException;
import io.qunyun.member.domain.NotFoundException;
import io.qunyun.member.domain.RulesUnavailableException;

/** Turns every failure into application/problem+json; field names are the client's request fields. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** How long a client waits before retrying after a 503 (a dependency down): about a restart's time. */
    static final String RETRY_AFTER_SECONDS = "5";
    private static final String BODY = "body";

    private final ObjectMapper json;

    ProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response validationFailed(ValidationException exception, UriInfo uriInfo) {
        if (!(exception instanceof ConstraintViolationException violations)) {
            return unexpected(exception, uriInfo);
        }
        List<ProblemDetail.FieldError> errors = violations.getConstraintViolations().stream()
                .map(v -> new ProblemDetail.FieldError(fieldOf(v), messageOf(v)))
                .sorted(Comparator.comparing(ProblemDetail.FieldError::field))
                .toList();
        return problem(ProblemType.INVALID_REQUEST,
                errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message()
                        : errors.size() + " request fields are invalid",
                uriInfo, errors);
    }

    @ServerExceptionMapper
    public Response unreadableInput(MismatchedInputException exception, UriInfo uriInfo) {
        return malformedBody(exception, uriInfo);
    }

    @ServerExceptionMapper
    public Response memberNotFound(MemberNotFoundException exception, UriInfo uriInfo) {
        return problem(ProblemType.NOT_FOUND, exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError("id", "no member with id " + exception.memberId())));
    }

    @ServerExceptionMapper
    public Response duplicateMember(DuplicateMemberException exception, UriInfo uriInfo) {
        return problem(ProblemType.DUPLICATE_MEMBER, exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError("externalId",
                        "already registered for this sourceSystem as member " + exception.existingMemberId())));
    }

    @ServerExceptionMapper
    public Response groupNotKnown(GroupNotKnownException exception, UriInfo uriInfo) {
        return problem(ProblemType.NOT_FOUND, exception.getMessage()
                + " (member-service learns groups from campaign-service's group-changes)", uriInfo,
                List.of(new ProblemDetail.FieldError(exception.field(), exception.getMessage())));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException exception, UriInfo uriInfo) {
        return problem(ProblemType.NOT_FOUND, exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError(exception.field(), exception.getMessage())));
    }

    @ServerExceptionMapper
    public Response membershipConflict(MembershipConflictException exception, UriInfo uriInfo) {
        // one title per type (docs/errors.md); the deciding row, if any, is in rule and tableVersion
        String title = switch (exception.kind()) {
            case "already-member" -> "Already a member";
            case "screening-required" -> "Screening required";
            case "application-pending" -> "Application pending";
            case "application-decided" -> "Application already decided";
            case "rejoin-refused" -> "Rejoin refused";
            default -> ProblemType.CONFLICT.title();
        };
        var problem = new ProblemDetail(ProblemType.uriOf(exception.kind()), title, 409, exception.getMessage(),
                uriInfo.getRequestUri().getRawPath(),
                List.of(new ProblemDetail.FieldError(exception.field(), exception.getMessage())), exception.rule(),
                exception.tableVersion());
        return write(409, problem);
    }

    @ServerExceptionMapper
    public Response notAReviewer(NotAReviewerException exception, UriInfo uriInfo) {
        return problem(ProblemType.NOT_A_REVIEWER, exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError(exception.field(), exception.getMessage())));
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException exception, UriInfo uriInfo) {
        return problem(ProblemType.INVALID_REQUEST,
                exception.field() + " " + exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError(exception.field(), exception.getMessage())));
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
        return problem(ProblemType.FORBIDDEN, "The token's roles may not do this.",
                uri, List.of());
    }

    @ServerExceptionMapper
    public Response stopping(io.qunyun.member.domain.ActivityIntake.IntakeStoppedException exception, UriInfo uriInfo) {
        return Response.fromResponse(problem(ProblemType.MEMBER_SERVICE_UNAVAILABLE, exception.getMessage(), uriInfo,
                List.of())).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response rulesUnavailable(RulesUnavailableException exception, UriInfo uriInfo) {
        // same type and Retry-After as campaign-service's (docs/errors.md): nothing was written, try again
        return Response.fromResponse(problem(ProblemType.RULES_SERVICE_UNAVAILABLE, exception.getMessage(), uriInfo, List.of()))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response insufficientPoints(InsufficientPointsException exception, UriInfo uriInfo) {
        return problem(ProblemType.INSUFFICIENT_POINTS, exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError("rewardId", "costs " + exception.cost()
                        + " points; the balance is " + exception.balance())));
    }

    @ServerExceptionMapper
    public Response rewardNotFound(RewardNotFoundException exception, UriInfo uriInfo) {
        return problem(ProblemType.NOT_FOUND, exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError("rewardId", "no active reward with this id")));
    }

    @ServerExceptionMapper
    public Response duplicateReward(DuplicateRewardException exception, UriInfo uriInfo) {
        return problem(ProblemType.DUPLICATE_REWARD, exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError("code", "already used by another reward")));
    }

    @ServerExceptionMapper
    public Response mergeConflict(MergeConflictException exception, UriInfo uriInfo) {
        return problem(ProblemType.MERGE_CONFLICT, exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError("from", exception.getMessage())));
    }

    @ServerExceptionMapper
    public Response identityTaken(IdentityTakenException exception, UriInfo uriInfo) {
        return problem(ProblemType.IDENTITY_TAKEN, exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError("externalId", "already belongs to a member")));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException exception, UriInfo uriInfo) {
        return problem(ProblemType.INVALID_REQUEST,
                exception.parameter() + " " + exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError(exception.parameter(), exception.getMessage())));
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException exception, UriInfo uriInfo) {
        // The JSON reader wraps syntax errors (and some binding errors) in a 400.
        if (exception.getCause() instanceof JsonProcessingException cause) {
            return malformedBody(cause, uriInfo);
        }
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, uriInfo);
        }
        return problem(status, ProblemType.uriForStatus(status), ProblemType.titleForStatus(status),
                exception.getMessage(), uriInfo, List.of());
    }

    /**
     * A body the parser gave up on unwrapped: nested deeper than Jackson's StreamReadConstraints allow (1,000
     * levels), which no reader wraps in a 400 (it answered 500 before issue 9).
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException exception, UriInfo uriInfo) {
        return malformedBody(exception, uriInfo);
    }

    /** An idempotency key sent again with another request: the first stays, nothing is written. */
    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException exception, UriInfo uriInfo) {
        return problem(ProblemType.IDEMPOTENCY_KEY_REUSED, exception.field() + " " + exception.getMessage(), uriInfo,
                List.of(new ProblemDetail.FieldError(exception.field(), exception.getMessage())));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception, UriInfo uriInfo) {
        for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedBody(json, uriInfo); // a reader that wrapped the parser's refusal
            }
        }
        if (DatabaseUnavailable.causedBy(exception)) {
            LOG.warnf("Database unavailable on %s: %s", uriInfo.getRequestUri().getRawPath(), exception.toString());
            return Response.fromResponse(problem(ProblemType.DATABASE_UNAVAILABLE,
                    "The database is unavailable; retry later", uriInfo, List.of()))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        // The client gets a reference to quote; the stack trace stays in the log.
        String reference = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected error %s on %s", reference, uriInfo.getRequestUri().getRawPath());
        return problem(ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred (reference " + reference + ")", uriInfo, List.of());
    }

    private Response malformedBody(JsonProcessingException exception, UriInfo uriInfo) {
        String field = BODY;
        String message;
        JsonProcessingException unreadable = readFailure(exception);
        if (unreadable != null && unreadable != exception) {
            exception = unreadable; // wrapped with the path of the field being bound: still a parser failure
        }
        if (unreadable == null && exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // read, but a field's value is not what the service takes: the field is named, the body was fine
            field = pathOf(mapping.getPath());
            message = mapping instanceof InvalidFormatException invalid ? describeInvalid(invalid)
                    : "has the wrong type or shape";
            return problem(ProblemType.INVALID_REQUEST, field + " " + message, uriInfo,
                    List.of(new ProblemDetail.FieldError(field, message)));
        } else if (exception instanceof StreamReadException syntax) {
            String current = currentFieldOf(syntax);
            field = current == null ? BODY : current;
            message = "is not valid JSON: " + syntax.getOriginalMessage();
        } else {
            message = "cannot be read: " + exception.getOriginalMessage();
        }
        return problem(ProblemType.MALFORMED_BODY, field + " " + message, uriInfo,
                List.of(new ProblemDetail.FieldError(field, message)));
    }

    private static String describeInvalid(InvalidFormatException invalid) {
        Class<?> target = invalid.getTargetType();
        if (target == String.class) {
            return invalid.getOriginalMessage(); // text that cannot be stored (config.StorableText)
        }
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (target != null && target.getName().startsWith("java.time.")) {
            return "must be an RFC 3339 date-time with offset, e.g. 2026-11-21T08:14:58Z";
        }
        return "has an invalid value";
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? BODY : field.toString();
    }

    private static String currentFieldOf(StreamReadException syntax) {
        try {
            JsonParser parser = syntax.getProcessor();
            return parser == null ? null : parser.getParsingContext().getCurrentName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** "register.body.externalId" -> "externalId"; a violated parameter itself (null body, query param) -> its name. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                // an element of a list: the index belongs to the list (activities[3].type, not activities.type[3])
                if (node.isInIterable() && node.getIndex() != null && !properties.isEmpty()) {
                    int last = properties.size() - 1;
                    properties.set(last, properties.get(last) + "[" + node.getIndex() + "]");
                    properties.add(node.getName());
                    continue;
                }
                properties.add(node.getIndex() == null ? node.getName() : node.getName() + "[" + node.getIndex() + "]");
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter == null ? BODY : parameter;
    }

    private static String messageOf(ConstraintViolation<?> violation) {
        boolean wholeBody = violation.getPropertyPath().toString().endsWith("." + BODY);
        return wholeBody && violation.getInvalidValue() == null ? "is required (JSON object)" : violation.getMessage();
    }

    private Response problem(ProblemType type, String detail, UriInfo uriInfo, List<ProblemDetail.FieldError> errors) {
        return problem(type.status(), type.uri(), type.title(), detail, uriInfo, errors);
    }

    private Response problem(int status, String type, String title, String detail, UriInfo uriInfo,
            List<ProblemDetail.FieldError> errors) {
        return write(status, new ProblemDetail(type, title, status, detail, uriInfo.getRequestUri().getRawPath(), errors));
    }

    private Response write(int status, ProblemDetail problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"Internal Server Error\",\"status\":500}";
        }
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE).entity(body).build();
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
