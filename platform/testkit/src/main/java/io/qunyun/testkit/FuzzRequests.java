package io.qunyun.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Fuzzed requests generated from a service's OpenAPI document: for each operation a plausible request built
 * from its schemas (path and query parameters, request body), then mutated: fields dropped, nulled, of the
 * wrong JSON type, huge, nested deeper than 1,000 levels, control characters (U+0000 included), odd numbers
 * and dates, unknown fields, bodies that are binary, empty, truncated or not an object, the wrong media
 * type, odd path and query values. Seeded: the same seed and the same document give the same sequence of
 * mutations (ids the service hands out are reused as path values, so the values themselves differ).
 *
 * <p>Used by {@link FuzzContract}; shares {@link OpenApiRequests} with the role x endpoint test.
 */
public final class FuzzRequests {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** JSON text put in place of a placeholder string after serialisation (what a tree cannot hold). */
    private static final String RAW = "\u0001raw:";

    /** One operation of the document and the roles its security requirement allows. */
    public record Operation(String method, String template, JsonNode node, List<String> roles) {
        public String name() {
            return method + " " + template;
        }
    }

    /** One request to send: {@code target} is the encoded path and query. */
    public record Request(Operation operation, String mutation, String role, String target, String contentType,
            byte[] body) {

        /** What a failure report shows: enough to send it again by hand. */
        public String describe() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                    .replaceAll("\\p{Cntrl}", "?");
            return operation.name() + " [" + mutation + ", as " + role + "] " + method() + " "
                    + (target.length() > 200 ? target.substring(0, 200) + "..." : target)
                    + (contentType == null ? "" : " (" + contentType + ", " + body.length + " bytes) " + text
                            + (body.length > 300 ? "..." : ""));
        }

        public String method() {
            return operation.method();
        }
    }

    /** Mutations of a request with a body; each request gets one (or none: VALID). */
    enum BodyMutation {
        VALID, DROP_FIELD, NULL_FIELD, WRONG_TYPE, HUGE_STRING, HUGE_ARRAY, DEEP_NESTING, DEEP_FIELD, BINARY,
        CONTROL_CHARS, ODD_NUMBER, ODD_DATE, EXTRA_FIELD, EMPTY, NOT_AN_OBJECT, TRUNCATED, WRONG_MEDIA_TYPE,
        TOO_LARGE
    }

    /** Strings that break parsers, encodings, SQL and PostgreSQL (which cannot store U+0000). */
    static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u0001\u001f\u007f", "\t\r\n",
            "%00", "../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>", "😀群运", "null", "-1", "0",
            "9223372036854775808", "1e999", "NaN", "true", "[]", "{}", "\\", "%", "\uffff", "\u202e", "x".repeat(5000),
            "2099-01-01T00:00:00Z", "0000-01-01", "PT-1S", "Z", "  padded  ");

    /** JSON number texts that overflow, underflow or are not the integers they look like. */
    static final List<String> ODD_NUMBERS = List.of("1e400", "-1e400", "-1", "0", "-0", "9223372036854775808",
            "-9223372036854775809", "2147483648", "1.5", "1e-400", "123456789012345678901234567890.123456789", "4.9e-324");

    /** Date-times out of any sensible range, impossible, or without an offset. */
    static final List<String> ODD_DATES = List.of("2099-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-30T25:61:61Z",
            "2026-11-30T10:00:00", "2026-11-30", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2026-11-30T10:00:00+25:00", "");

    private final JsonNode document;
    private final Random random;
    /** Ids the service answered with (members, groups, ...): path values that reach further than 404. */
    private final List<String> knownIds = new ArrayList<>();
    /** Names the service answered with (tables, versions, templates, codes): path values that exist. */
    private final List<String> knownWords = new ArrayList<>();
    private static final Set<String> NAMING_FIELDS = Set.of("name", "version", "code", "templateId", "table", "key");
    private final Map<String, Integer> sent = new LinkedHashMap<>();

    public FuzzRequests(JsonNode document, long seed) {
        this.document = document;
        this.random = new Random(seed);
    }

    /** Every operation (GET, POST, PUT, PATCH, DELETE) of the document, in document order. */
    public static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                Set<String> roles = new TreeSet<>();
                op.getValue().path("security").forEach(requirement -> requirement.fields()
                        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                operations.add(new Operation(method, path.getKey(), op.getValue(), List.copyOf(roles)));
            }
        }
        return operations;
    }

    /** Remembers ids found in a 2xx JSON answer ({@code id}, {@code memberId}, ...) for later path values. */
    public void learn(byte[] answer) {
        if (answer == null || answer.length == 0 || answer.length > 1_000_000) {
            return;
        }
        try {
            collectIds(JSON.readTree(answer), 0);
        } catch (java.io.IOException notJson) {
            // CSV, XLSX, HTML: nothing to learn
        }
    }

    private void collectIds(JsonNode node, int depth) {
        if (node == null || depth > 4 || knownIds.size() > 2000) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isTextual() && (field.getKey().equals("id") || field.getKey().endsWith("Id"))
                        && isUuid(value.asText()) && !knownIds.contains(value.asText())) {
                    knownIds.add(value.asText());
                } else if (value.isTextual() && NAMING_FIELDS.contains(field.getKey()) && value.asText().length() <= 64
                        && !knownWords.contains(value.asText()) && knownWords.size() < 500) {
                    knownWords.add(value.asText());
                } else {
                    collectIds(value, depth + 1);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < Math.min(node.size(), 5); i++) {
                collectIds(node.get(i), depth + 1);
            }
        }
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The next request for {@code operation}. */
    public Request next(Operation operation) {
        int count = sent.merge(operation.name(), 1, Integer::sum);
        String role = operation.roles().isEmpty() || random.nextInt(10) == 0
                ? TestTokens.ROLES.get(random.nextInt(TestTokens.ROLES.size()))
                : operation.roles().get(count % operation.roles().size());
        List<String> mutations = new ArrayList<>();
        boolean oddPath = random.nextInt(6) == 0;
        boolean oddQuery = random.nextInt(3) == 0;
        String target = path(operation, oddPath, mutations) + query(operation, oddQuery, mutations);
        String contentType = OpenApiRequests.contentType(operation.node());
        byte[] body = null;
        if (contentType != null) {
            BodyMutation mutation = oddPath || oddQuery && random.nextBoolean() ? BodyMutation.VALID
                    : pick(BodyMutation.values());
            if (mutation == BodyMutation.TOO_LARGE && random.nextInt(20) != 0) {
                mutation = BodyMutation.HUGE_STRING; // 11 MB bodies are slow: a few per service are enough
            }
            JsonNode schema = resolve(operation.node().path("requestBody").path("content").path(contentType)
                    .path("schema"));
            mutations.add(mutation.name());
            if (mutation == BodyMutation.WRONG_MEDIA_TYPE) {
                contentType = pick(List.of("text/plain", "application/xml", "application/octet-stream",
                        "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x"));
                body = (contentType.startsWith("application/json") ? "{\"name\":\"caf\u00e9\"}" : "<a>1</a>")
                        .getBytes(StandardCharsets.ISO_8859_1);
            } else if (!contentType.contains("json")) {
                body = nonJsonBody(mutation, contentType);
            } else {
                body = jsonBody(mutation, schema);
            }
        } else if (random.nextInt(8) == 0 && !operation.method().equals("GET")) {
            // a body nobody asked for
            contentType = "application/json";
            body = "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
            mutations.add("UNEXPECTED_BODY");
        }
        return new Request(operation, mutations.isEmpty() ? "VALID" : String.join("+", mutations), role, target,
                contentType, body);
    }

    // --- path and query ---------------------------------------------------------------------------------------

    private String path(Operation operation, boolean odd, List<String> mutations) {
        String path = operation.template();
        List<JsonNode> parameters = parameters(operation, "path");
        JsonNode oddOne = odd && !parameters.isEmpty() ? parameters.get(random.nextInt(parameters.size())) : null;
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String value;
            if (parameter == oddOne) {
                value = pick(ODD_STRINGS);
                mutations.add("ODD_PATH(" + name + ")");
            } else {
                value = scalar(resolve(parameter.path("schema")), name);
            }
            path = path.replace("{" + name + "}", encode(value));
        }
        // parameters declared on the path item rather than the operation
        return path.replaceAll("\\{[^}]+}", knownOrFresh());
    }

    private String query(Operation operation, boolean odd, List<String> mutations) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters(operation, "query")) {
            String name = parameter.path("name").asText();
            if (odd && random.nextBoolean()) {
                append(query, name, pick(ODD_STRINGS));
                mutations.add("ODD_QUERY(" + name + ")");
                if (random.nextInt(4) == 0) {
                    append(query, name, pick(ODD_STRINGS)); // the same parameter twice
                }
            } else if (parameter.path("required").asBoolean() || random.nextBoolean()) {
                append(query, name, scalar(resolve(parameter.path("schema")), name));
            }
        }
        if (odd && random.nextInt(4) == 0) {
            append(query, pick(ODD_STRINGS), pick(ODD_STRINGS));
            mutations.add("ODD_QUERY(unknown)");
        }
        return query.length() == 0 ? "" : "?" + query;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(encode(name)).append('=').append(encode(value));
    }

    private List<JsonNode> parameters(Operation operation, String in) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode parameter : operation.node().path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (in.equals(resolved.path("in").asText())) {
                found.add(resolved);
            }
        }
        return found;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // --- bodies -----------------------------------------------------------------------------------------------

    private byte[] nonJsonBody(BodyMutation mutation, String contentType) {
        return switch (mutation) {
            case BINARY, DEEP_NESTING, DEEP_FIELD, TRUNCATED -> randomBytes(1 + random.nextInt(4096));
            case EMPTY -> new byte[0];
            case HUGE_STRING, HUGE_ARRAY -> ("a,b,c\n" + "x,\u0000,z\n".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
            case TOO_LARGE -> tooLarge();
            case CONTROL_CHARS -> ("sourceSystem,externalId,displayName\nwecom,\u0000id" + random.nextInt()
                    + ",a\u0000b\n").getBytes(StandardCharsets.UTF_8);
            default -> contentType.contains("csv")
                    ? ("sourceSystem,externalId,displayName\nwecom,fz-" + random.nextInt(1_000_000) + "," + pick(ODD_STRINGS)
                            .replace(",", " ").replace("\n", " ") + "\n").getBytes(StandardCharsets.UTF_8)
                    : ("id: " + pick(ODD_STRINGS) + "\nsteps:\n  - day: " + pick(ODD_NUMBERS) + "\n")
                            .getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] jsonBody(BodyMutation mutation, JsonNode schema) {
        JsonNode valid = value(schema, "body", 0);
        String text;
        switch (mutation) {
            case BINARY:
                return randomBytes(1 + random.nextInt(4096));
            case EMPTY:
                return new byte[0];
            case TOO_LARGE:
                return tooLarge();
            case DEEP_NESTING: {
                int depth = 1001 + random.nextInt(4000);
                text = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                return text.getBytes(StandardCharsets.UTF_8);
            }
            case NOT_AN_OBJECT:
                return pick(List.of("null", "[]", "1", "\"text\"", "true", "[{}]", "{}", "{\"\":null}"))
                        .getBytes(StandardCharsets.UTF_8);
            case TRUNCATED:
                text = write(valid);
                return text.substring(0, Math.max(1, random.nextInt(Math.max(1, text.length())))).getBytes(
                        StandardCharsets.UTF_8);
            default:
                break;
        }
        JsonNode body = valid.deepCopy();
        if (mutation != BodyMutation.VALID) {
            mutate(body, mutation);
        }
        return write(body).getBytes(StandardCharsets.UTF_8);
    }

    /** Applies a field mutation at a random place of the tree (the top-level value when it has no fields). */
    private void mutate(JsonNode body, BodyMutation mutation) {
        List<Object[]> slots = new ArrayList<>(); // {container, field name or index}
        collectSlots(body, slots, 0);
        if (slots.isEmpty()) {
            return;
        }
        Object[] slot = slots.get(random.nextInt(slots.size()));
        JsonNode replacement = switch (mutation) {
            case NULL_FIELD -> NODES.nullNode();
            case WRONG_TYPE -> wrongType(get(slot));
            case HUGE_STRING -> TextNode.valueOf("群".repeat(50_000 + random.nextInt(100_000)));
            case HUGE_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                JsonNode element = get(slot) == null ? NODES.textNode("x") : get(slot);
                for (int i = 0, n = 2_000 + random.nextInt(20_000); i < n; i++) {
                    array.add(element);
                }
                yield array;
            }
            case DEEP_FIELD -> {
                int depth = 1001 + random.nextInt(3000);
                yield TextNode.valueOf(RAW + "[".repeat(depth) + "]".repeat(depth));
            }
            case CONTROL_CHARS -> TextNode.valueOf(controlChars(get(slot)));
            case ODD_NUMBER -> TextNode.valueOf(RAW + pick(ODD_NUMBERS));
            case ODD_DATE -> TextNode.valueOf(pick(ODD_DATES));
            case EXTRA_FIELD -> null;
            default -> get(slot);
        };
        if (mutation == BodyMutation.DROP_FIELD) {
            if (slot[0] instanceof ObjectNode object) {
                object.remove((String) slot[1]);
            } else {
                ((ArrayNode) slot[0]).remove((Integer) slot[1]);
            }
        } else if (mutation == BodyMutation.EXTRA_FIELD) {
            if (body instanceof ObjectNode object) {
                object.put(pick(List.of("unknown", "id", "__proto__", "constructor", "\u0000", "", "createdAt")),
                        pick(ODD_STRINGS));
            }
        } else if (mutation == BodyMutation.ODD_DATE && !isDateLike(get(slot))) {
            // prefer a date field when there is one
            for (Object[] candidate : slots) {
                if (isDateLike(get(candidate))) {
                    set(candidate, replacement);
                    return;
                }
            }
            set(slot, replacement);
        } else {
            set(slot, replacement);
        }
    }

    private static boolean isDateLike(JsonNode node) {
        return node != null && node.isTextual() && node.asText().matches("\\d{4}-\\d{2}-\\d{2}.*");
    }

    private String controlChars(JsonNode current) {
        String base = current != null && current.isTextual() ? current.asText() : "text";
        String poison = pick(List.of("\u0000", "\u0000\u0000", "\u0001", "\u0008", "\u001b[31m", "\u007f", "\u0085",
                "\u2028", "\ufeff", "\ud83d", RAW + "\"\\ud800\""));
        if (poison.startsWith(RAW)) {
            return poison; // a lone surrogate, as JSON text (a Java tree cannot write it)
        }
        int at = random.nextInt(base.length() + 1);
        return base.substring(0, at) + poison + base.substring(at);
    }

    private JsonNode wrongType(JsonNode current) {
        List<JsonNode> options = new ArrayList<>(List.of(NODES.numberNode(42), NODES.booleanNode(true),
                NODES.textNode("not-a-" + (current == null ? "value" : current.getNodeType().name().toLowerCase())),
                NODES.arrayNode().add(1).add("two"), NODES.objectNode().put("nested", true), NODES.numberNode(-3.75)));
        if (current != null) {
            options.removeIf(option -> option.getNodeType() == current.getNodeType());
        }
        return pick(options);
    }

    private static void collectSlots(JsonNode node, List<Object[]> slots, int depth) {
        if (depth > 6) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                slots.add(new Object[] { object, name });
                collectSlots(object.get(name), slots, depth + 1);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Object[] { array, i });
                collectSlots(array.get(i), slots, depth + 1);
            }
        }
    }

    private static JsonNode get(Object[] slot) {
        return slot[0] instanceof ObjectNode object ? object.get((String) slot[1])
                : ((ArrayNode) slot[0]).get((Integer) slot[1]);
    }

    private static void set(Object[] slot, JsonNode value) {
        if (slot[0] instanceof ObjectNode object) {
            object.set((String) slot[1], value);
        } else {
            ((ArrayNode) slot[0]).set((Integer) slot[1], value);
        }
    }

    /** Serialises the tree, then puts raw JSON text where a {@link #RAW} placeholder string stands. */
    private static String write(JsonNode body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String marker = "\"\\u0001raw:";
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker)) {
            int end = at + marker.length();
            StringBuilder raw = new StringBuilder();
            // the placeholder's content was escaped by Jackson: unescape the few characters it may hold
            while (end < text.length() && text.charAt(end) != '"') {
                if (text.charAt(end) == '\\') {
                    end++;
                }
                raw.append(text.charAt(end++));
            }
            text = text.substring(0, at) + raw + text.substring(end + 1);
        }
        return text;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] tooLarge() {
        // above Quarkus' default body limit (10 MiB): answered by the HTTP layer
        byte[] bytes = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '[';
        bytes[bytes.length - 1] = ']';
        return bytes;
    }

    // --- values from schemas ----------------------------------------------------------------------------------

    /** A plausible value of the schema (an object with its required and some optional properties). */
    JsonNode value(JsonNode schema, String name, int depth) {
        schema = resolve(schema);
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && schema.path(combinator).size() > 0) {
                return value(schema.path(combinator).get(0), name, depth);
            }
        }
        String type = typeOf(schema, schema.has("properties") ? "object" : "string");
        if (depth > 5) {
            return NODES.nullNode();
        }
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                Set<String> required = new TreeSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties
                        .hasNext();) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (required.contains(property.getKey()) || random.nextInt(3) > 0) {
                        object.set(property.getKey(), value(property.getValue(), property.getKey(), depth + 1));
                    }
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int n = Math.max(schema.path("minItems").asInt(0), 1 + random.nextInt(2));
                for (int i = 0; i < n; i++) {
                    array.add(value(schema.path("items"), name, depth + 1));
                }
                return array;
            }
            case "integer":
            case "number": {
                long min = schema.has("minimum") ? (long) Math.ceil(schema.path("minimum").asDouble()) : 1;
                long max = schema.has("maximum") ? (long) Math.floor(schema.path("maximum").asDouble()) : min + 100;
                if (max < min) {
                    max = min;
                }
                return NODES.numberNode(min + (long) (random.nextDouble() * (max - min + 1)));
            }
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                return NODES.textNode(scalar(schema, name));
        }
    }

    /** A plausible string form of a scalar schema: path and query values, string fields. */
    String scalar(JsonNode schema, String name) {
        schema = resolve(schema);
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size())).asText();
        }
        String format = schema.path("format").asText("");
        String type = typeOf(schema, "string");
        if (format.equals("uuid") || name.equals("id") || name.endsWith("Id")) {
            return knownOrFresh();
        }
        if (format.equals("date-time")) {
            return Instant.now().minus(random.nextInt(600), ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        }
        if (format.equals("date")) {
            return LocalDate.now(ZoneOffset.UTC).plusDays(random.nextInt(5)).toString();
        }
        if (format.equals("duration") || name.toLowerCase().contains("duration")) {
            return "PT" + (1 + random.nextInt(48)) + "H";
        }
        if (type.equals("integer") || type.equals("number")) {
            return Integer.toString(1 + random.nextInt(100));
        }
        if (type.equals("boolean")) {
            return Boolean.toString(random.nextBoolean());
        }
        String lower = name.toLowerCase();
        if (lower.contains("zone")) {
            return pick(List.of("Asia/Shanghai", "UTC", "Europe/Berlin"));
        }
        if (lower.contains("currency")) {
            return pick(List.of("CNY", "USD"));
        }
        if (lower.equals("limit")) {
            return Integer.toString(1 + random.nextInt(50));
        }
        if (!knownWords.isEmpty() && random.nextInt(3) > 0) {
            return knownWords.get(random.nextInt(knownWords.size()));
        }
        int max = schema.path("maxLength").asInt(40);
        String word = pick(List.of("fuzz", "群运", "wecom", "Rewards", "camp", "k")) + "-" + random.nextInt(100_000);
        return word.length() > max ? word.substring(0, Math.max(1, max)) : word;
    }

    /** The schema's type; OpenAPI 3.1 writes a nullable one as a list ({@code ["integer", "null"]}). */
    private static String typeOf(JsonNode schema, String otherwise) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!"null".equals(option.asText())) {
                    return option.asText();
                }
            }
            return otherwise;
        }
        return type.isTextual() ? type.asText() : otherwise;
    }

    private String knownOrFresh() {
        return !knownIds.isEmpty() && random.nextInt(3) > 0 ? knownIds.get(random.nextInt(knownIds.size()))
                : UUID.randomUUID().toString();
    }

    /** Follows {@code $ref}s into components. */
    JsonNode resolve(JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 10; hops++) {
            String ref = node.path("$ref").asText();
            JsonNode target = document;
            for (String part : ref.replaceFirst("^#/", "").split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node == null ? NODES.objectNode() : node;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
