package io.qunyun.testkit;

import java.util.Iterator;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Turning an OpenAPI operation into a concrete request (shared by the role x endpoint and fuzz tests). */
public final class OpenApiRequests {

    private OpenApiRequests() {
    }

    /** The path with each {parameter} replaced by a plausible value of its schema (a fresh UUID, a word, 1). */
    public static String concretePath(String template, JsonNode operation) {
        String path = template;
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"path".equals(parameter.path("in").asText())) {
                continue;
            }
            path = path.replace("{" + parameter.path("name").asText() + "}", plausible(parameter.path("schema")));
        }
        // parameters declared on the path item rather than the operation
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    static String plausible(JsonNode schema) {
        String type = schema.path("type").asText("string");
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        return switch (type) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> schema.has("enum") ? schema.path("enum").path(0).asText() : "Rewards";
        };
    }

    /** The first content type of the operation's request body, or null when it takes none. */
    public static String contentType(JsonNode operation) {
        Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        return types.hasNext() ? types.next() : null;
    }
}
