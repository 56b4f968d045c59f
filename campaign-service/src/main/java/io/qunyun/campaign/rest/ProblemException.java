package io.qunyun.campaign.rest;

import java.util.List;
import java.util.Map;

/** Thrown by the domain and REST layers to answer with a specific problem document. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail,
            List<Problem.FieldError> errors, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : errors;
        this.extensions = extensions == null ? Map.of() : extensions;
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, ProblemType.INVALID_REQUEST.uri(), ProblemType.INVALID_REQUEST.title(),
                field + " " + message,
                List.of(new Problem.FieldError(field, message)), null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, ProblemType.NOT_FOUND.uri(), ProblemType.NOT_FOUND.title(), what + " not found",
                null, null);
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, errors, extensions);
    }

    public int status() {
        return status;
    }
}
