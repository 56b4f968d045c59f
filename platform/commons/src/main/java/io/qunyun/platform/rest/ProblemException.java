package io.qunyun.platform.rest;

import java.util.List;
import java.util.Map;

/** Thrown by a REST layer to answer with a specific problem document (its message is the detail). */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors,
            Map<String, Object> extensions) {
        super(detail);
        this.type = type;
        this.errors = errors == null ? List.of() : errors;
        this.extensions = extensions == null ? Map.of() : extensions;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    /** {@code what} (e.g. "template t-1") names nothing: 404 not-found. */
    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public Problem toProblem(String instance) {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), instance, errors, extensions);
    }

    public ProblemType type() {
        return type;
    }
}
