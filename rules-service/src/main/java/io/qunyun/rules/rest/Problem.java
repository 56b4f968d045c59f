package io.qunyun.rules.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error answer ({@code application/problem+json}). */
@Schema(name = "Problem", description = "Error answer (application/problem+json)")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** {@code field} names the offending request field, e.g. {@code to} or {@code activityType}. */
    public record FieldError(String field, String message) {
    }
}
