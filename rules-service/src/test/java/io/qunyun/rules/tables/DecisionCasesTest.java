package io.qunyun.rules.tables;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.rules.domain.DecisionTable;
import io.qunyun.rules.domain.check.ConditionSnippet;
import io.qunyun.rules.domain.check.DecisionCases;
import io.qunyun.rules.domain.check.TableChecker;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Runs every regression case of every table (src/main/resources/decision-cases/*.csv, format in
 * {@link DecisionCases}) against the table's decision endpoint. One test per case; a failure names the
 * CSV, the case, the rows expected and the rows that fired, and every mismatching field. Results are
 * also written to target/decision-table-check/cases.txt for scripts/check-tables.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class DecisionCasesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path REPORT = Path.of("target", "decision-table-check", "cases.txt");

    @BeforeAll
    static void resetReport() throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.deleteIfExists(REPORT);
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Path file : DecisionCases.files()) {
            for (DecisionCases.Case c : DecisionCases.read(file)) {
                all.add(Arguments.of(c.table(), c.name()));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void decisionCase(String tableName, String caseName) throws IOException {
        Path file = DecisionCases.DIRECTORY.resolve(tableName + ".csv");
        DecisionTable table = DecisionCases.table(file);
        DecisionCases.Case c = DecisionCases.read(file).stream().filter(x -> x.name().equals(caseName)).findFirst()
                .orElseThrow();
        Response response = given().contentType(ContentType.JSON).body(body(c.inputs()))
                .when().post(table.endpoint());
        List<String> mismatches = mismatches(c, response);
        String where = c.label() + " (" + file.getFileName() + " line " + c.line() + ")";
        if (mismatches.isEmpty()) {
            record("PASS " + where);
        } else {
            String message = where + " " + String.join("; ", mismatches) + rows(response);
            record("FAIL " + message);
            fail(message);
        }
    }

    static synchronized void record(String line) throws IOException {
        Files.writeString(REPORT, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The request: cells that read as JSON numbers, booleans or null are sent as such, the rest as text. */
    static String body(Map<String, String> inputs) {
        ObjectNode body = JSON.createObjectNode();
        inputs.forEach((field, cell) -> body.set(field, value(cell)));
        return body.toString();
    }

    static JsonNode value(String cell) {
        if (cell.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?") || cell.equals("true") || cell.equals("false")
                || cell.equals("null")) {
            try {
                return JSON.readTree(cell);
            } catch (IOException e) {
                // not JSON after all: text
            }
        }
        return JSON.getNodeFactory().textNode(cell);
    }

    /** Which rows decided, for context: " [decided by 'R05 purchase'; fired: ...]". */
    static String rows(Response response) {
        if (response.statusCode() != 200) {
            return "";
        }
        JsonPath json = response.jsonPath();
        Object decidedBy = json.get(DecisionCases.DECIDED_BY);
        List<String> fired = json.getList(DecisionCases.FIRED, String.class);
        return " [" + (decidedBy == null ? "" : "decided by '" + decidedBy + "'; ") + "fired: " + fired + "]";
    }

    static List<String> mismatches(DecisionCases.Case c, Response response) {
        List<String> mismatches = new ArrayList<>();
        String expectedStatus = c.expects().getOrDefault(DecisionCases.STATUS, "");
        int status = response.statusCode();
        if (!String.valueOf(status).equals(expectedStatus.isEmpty() ? "200" : expectedStatus)) {
            mismatches.add("expected HTTP " + (expectedStatus.isEmpty() ? "200" : expectedStatus) + " but was " + status
                    + ": " + response.asString());
            return mismatches;
        }
        JsonPath json = response.jsonPath();
        c.firedRules().ifPresent(expected -> {
            List<String> fired = json.getList(DecisionCases.FIRED, String.class);
            Set<String> actual = fired == null ? Set.of() : new TreeSet<>(fired);
            if (!new TreeSet<>(expected).equals(actual)) {
                mismatches.add("expected rows " + expected + " to fire but " + (fired == null ? "[]" : fired) + " fired");
            }
        });
        for (Map.Entry<String, String> expect : c.expects().entrySet()) {
            String path = expect.getKey();
            String expected = expect.getValue();
            if (expected.isEmpty() || path.equals(DecisionCases.FIRED) || path.equals(DecisionCases.STATUS)) {
                continue;
            }
            String actual = text(json.get(path));
            if (!Objects.equals(normalise(expected), actual)) {
                mismatches.add("expect." + path + ": expected " + expected + " but was " + actual);
            }
        }
        return mismatches;
    }

    static String normalise(String expected) {
        return expected.equals(DecisionCases.NONE) ? "" : expected;
    }

    static String text(Object actual) {
        if (actual == null) {
            return "null";
        }
        if (actual instanceof List<?> list) {
            return list.stream().map(DecisionCasesTest::text).collect(Collectors.joining("|"));
        }
        if (actual instanceof Map<?, ?> map) {
            return map.toString();
        }
        return String.valueOf(actual);
    }
}
