package io.qunyun.member.rest;

import java.util.List;

/** RFC 9457 problem details, the body of every error answer (docs/architecture.md). */
public record ProblemDetail(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** @param field the offending request field as the client named it ({@code occurredAt}, {@code limit}) */
    public record FieldError(String field, String message) {
    }
}
