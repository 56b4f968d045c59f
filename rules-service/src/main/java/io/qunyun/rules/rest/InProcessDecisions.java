package io.qunyun.rules.rest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Arc;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.check.DecisionProbe;

/**
 * The decision endpoints called in process, exactly as HTTP would (same request record, same Bean
 * Validation, same resource method, same JSON answer), without a network hop or credentials: how an
 * uploaded workbook is run through the regression cases. The endpoint of each table is found by its path
 * ({@link DecisionTable#endpoint()}), so a new table needs nothing here.
 */
@ApplicationScoped
public class InProcessDecisions implements DecisionProbe {

    private record Endpoint(Class<?> resource, Method method) {
    }

    @Inject
    BeanManager beans;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    private volatile Map<String, Endpoint> endpoints;

    @Override
    public Optional<JsonNode> ask(DecisionTable table, Map<String, String> inputs) {
        Endpoint endpoint = endpoints().get(table.endpoint());
        if (endpoint == null) {
            throw new IllegalStateException("no POST endpoint " + table.endpoint() + " for table " + table.tableName());
        }
        ObjectNode body = json.createObjectNode();
        inputs.forEach((field, cell) -> body.set(field, value(cell)));
        Object request;
        try {
            request = json.treeToValue(body, endpoint.method().getParameterTypes()[0]);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty(); // HTTP would answer 400
        }
        if (request == null || !validator.validate(request).isEmpty()) {
            return Optional.empty();
        }
        try {
            Object answer = endpoint.method().invoke(Arc.container().instance(endpoint.resource()).get(), request);
            return Optional.of(json.valueToTree(answer));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CSV cell as JSON: numbers, booleans and null as such, anything else as text. */
    JsonNode value(String cell) {
        if (cell.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?") || cell.equals("true") || cell.equals("false")
                || cell.equals("null")) {
            try {
                return json.readTree(cell);
            } catch (JsonProcessingException e) {
                // text after all
            }
        }
        return json.getNodeFactory().textNode(cell);
    }

    private Map<String, Endpoint> endpoints() {
        Map<String, Endpoint> found = endpoints;
        if (found == null) {
            found = new HashMap<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    Path path = method.getAnnotation(Path.class);
                    if (method.isAnnotationPresent(POST.class) && method.getParameterCount() == 1) {
                        found.put(join(base.value(), path == null ? "" : path.value()), new Endpoint(type, method));
                    }
                }
            }
            endpoints = found;
        }
        return found;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
