package io.qunyun.platform.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, the body of every error answer ({@code application/problem+json}, docs/errors.md).
 * {@code errors} names each offending request field (when there is none, {@link Problems} writes an empty list or
 * leaves it out, as the service always did: {@code qunyun.problems.empty-errors}); {@code extensions} are
 * problem-specific members written next to the standard ones (a blocked group's {@code findings}, the
 * {@code rule} and {@code tableVersion} of a decision-table refusal).
 */
@Schema(name = "Problem", description = "Error answer (application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : extensions;
        detail = detail == null || detail.isEmpty() ? title : detail; // detail is always there (docs/errors.md)
    }

    public Problem(ProblemType type, String detail, String instance, List<FieldError> errors) {
        this(type.uri(), type.title(), type.status(), detail, instance, errors, null);
    }

    /** {@code field} names the offending request field as the client named it ({@code aidass.from}, {@code limit}). */
    public record FieldError(String field, String message) {
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
