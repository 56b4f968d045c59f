package io.qunyun.member.rest;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every error answer (docs/architecture.md). {@code rule} and
 * {@code tableVersion} name the decision-table row behind a refusal (e.g. a rejoin refused by Admission).
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, String rule, String tableVersion) {

    public ProblemDetail(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    /** @param field the offending request field as the client named it ({@code occurredAt}, {@code limit}) */
    public record FieldError(String field, String message) {
    }
}
