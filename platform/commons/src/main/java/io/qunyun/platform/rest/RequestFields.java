package io.qunyun.platform.rest;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * Names each bean-validation violation by the request field the client sent ({@code aidass.from},
 * {@code activities[3].occurredAt}, the query parameter {@code role}), {@code body} when the body as a whole is
 * at fault, rather than by the Java path ({@code create.request.aidass.from}).
 */
final class RequestFields {

    /** The field name when the whole body is at fault (missing, not an object, unreadable). */
    static final String BODY = "body";

    private RequestFields() {
    }

    static List<Problem.FieldError> of(ConstraintViolationException violations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            String field = fieldOf(violation);
            String message = BODY.equals(field) && violation.getInvalidValue() == null ? "is required (JSON object)"
                    : violation.getMessage();
            errors.add(new Problem.FieldError(field, message));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return errors;
    }

    /** "to must not be before from; from must not be null": each field and its message. */
    static String detail(List<Problem.FieldError> errors) {
        return errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        Path.ParameterNode parameter = null;
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
                parameter = node.as(Path.ParameterNode.class);
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter == null ? BODY : parameterName(violation, parameter);
    }

    /** A violated parameter itself: a query, path or header parameter by the name the client sent, else the body. */
    private static String parameterName(ConstraintViolation<?> violation, Path.ParameterNode node) {
        Parameter parameter = javaParameter(violation, node);
        if (parameter == null) {
            return BODY;
        }
        if (parameter.getAnnotation(QueryParam.class) != null) {
            return parameter.getAnnotation(QueryParam.class).value();
        }
        if (parameter.getAnnotation(PathParam.class) != null) {
            return parameter.getAnnotation(PathParam.class).value();
        }
        if (parameter.getAnnotation(HeaderParam.class) != null) {
            return parameter.getAnnotation(HeaderParam.class).value();
        }
        return BODY;
    }

    private static Parameter javaParameter(ConstraintViolation<?> violation, Path.ParameterNode node) {
        String method = null;
        for (Path.Node n : violation.getPropertyPath()) {
            if (n.getKind() == ElementKind.METHOD) {
                method = n.getName();
            }
        }
        if (method == null || violation.getRootBeanClass() == null) {
            return null;
        }
        int index = node.getParameterIndex();
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() > index
                        && candidate.getParameters()[index].getName().equals(node.getName())) {
                    return candidate.getParameters()[index];
                }
            }
        }
        return null;
    }
}
