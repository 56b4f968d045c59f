package io.qunyun.platform.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A JSON body that could not be read or bound, as a problem: unreadable (syntax, truncated, too deep, not the
 * document expected) is 400 malformed-body; read, but a field's value is not what the service takes, is 400
 * invalid-request naming that field.
 */
final class JsonProblems {

    private static final String BODY = RequestFields.BODY;
    static final String UNKNOWN = "不是此请求的字段 / is not a field of this request";
    static final String DUPLICATE = "重复出现 / is given more than once";
    private static final String DUPLICATE_PREFIX = "Duplicate field '";

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException e, String instance) {
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            // well-formed JSON, but which of the two values did the client mean? (StrictJson)
            return field(ProblemType.INVALID_REQUEST, duplicate, DUPLICATE, instance);
        }
        JsonProcessingException unreadable = readFailure(e);
        if (unreadable != null) {
            // possibly wrapped with the path of the field being bound: still the parser's failure
            return field(ProblemType.MALFORMED_BODY, parserField(unreadable),
                    "is not valid JSON: " + unreadable.getOriginalMessage(), instance);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return field(ProblemType.INVALID_REQUEST, pathOf(mapping), describe(mapping), instance);
        }
        if (e instanceof MismatchedInputException) {
            // a document of another shape (an array, a string, nothing) where an object belongs
            return field(ProblemType.MALFORMED_BODY, BODY, "has the wrong JSON type or is missing", instance);
        }
        return field(ProblemType.MALFORMED_BODY, BODY, "cannot be read: " + e.getOriginalMessage(), instance);
    }

    private static Problem field(ProblemType type, String field, String message, String instance) {
        return new Problem(type, field + " " + message, instance, List.of(new Problem.FieldError(field, message)));
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return UNKNOWN; // the field is the last element of the path (StrictJson)
        }
        if (!(e instanceof InvalidFormatException invalid)) {
            return e instanceof MismatchedInputException ? "has the wrong JSON type or is missing" : "has an invalid value";
        }
        Class<?> target = invalid.getTargetType();
        String was = " (was '" + invalid.getValue() + "')";
        if (target == String.class) {
            return invalid.getOriginalMessage(); // text that cannot be stored (StorableText)
        }
        if (target != null && target.isEnum()) {
            StringJoiner allowed = new StringJoiner(", ");
            for (Object constant : target.getEnumConstants()) {
                allowed.add(((Enum<?>) constant).name());
            }
            return "must be one of " + allowed + was;
        }
        if (target == UUID.class) {
            return "must be a UUID" + was;
        }
        if (target != null && target.getName().startsWith("java.time.")) {
            return "must be an RFC 3339 date-time with offset, e.g. 2026-11-21T08:14:58Z" + was;
        }
        return "has an invalid value '" + invalid.getValue() + "'";
    }

    /** Dotted path of the JSON field a binding error is about ({@code items[2].type}). */
    private static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
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

    /** The path of a field the parser found twice in one object ({@code items[2].type}); null for other failures. */
    private static String duplicateField(JsonProcessingException e) {
        JsonProcessingException failure = readFailure(e);
        String message = failure == null ? null : failure.getOriginalMessage();
        if (message == null || !message.startsWith(DUPLICATE_PREFIX)) {
            return null;
        }
        int end = message.indexOf('\'', DUPLICATE_PREFIX.length());
        String name = end < 0 ? message.substring(DUPLICATE_PREFIX.length()) : message.substring(DUPLICATE_PREFIX.length(), end);
        StringBuilder path = new StringBuilder(name);
        if (failure.getProcessor() instanceof JsonParser parser) {
            // the object holding the duplicate is the current context; its parents give the path to it
            for (JsonStreamContext ctx = parser.getParsingContext().getParent(); ctx != null && !ctx.inRoot();
                    ctx = ctx.getParent()) {
                if (ctx.inArray()) {
                    path.insert(0, "[" + ctx.getCurrentIndex() + "]" + (path.charAt(0) == '[' ? "" : "."));
                } else if (ctx.getCurrentName() != null) {
                    path.insert(0, ctx.getCurrentName() + (path.charAt(0) == '[' ? "" : "."));
                }
            }
        }
        return path.toString();
    }

    /** The field the parser was reading when it gave up; the body when it was truncated or hit a limit. */
    private static String parserField(JsonProcessingException e) {
        boolean wholeBody = e instanceof JsonEOFException || e instanceof StreamConstraintsException
                || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
        if (!wholeBody && e.getProcessor() instanceof JsonParser parser) {
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
    static JsonProcessingException readFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException || t instanceof StreamConstraintsException) {
                return (JsonProcessingException) t;
            }
        }
        return null;
    }
}
