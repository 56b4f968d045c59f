package io.qunyun.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fuzz test of issue 9, generated from the service's own OpenAPI document (/q/openapi): at least
 * {@value #DEFAULT_REQUESTS} requests ({@code -Dfuzz.requests}), round robin over every operation, each mutated
 * by {@link FuzzRequests} with a fixed seed ({@code -Dfuzz.seed}), each with a valid token of a role the
 * operation allows (one in ten with any role), sent over HTTP to the running service. It fails on
 * <ul>
 * <li>any 5xx;</li>
 * <li>an error answer that is not {@code application/problem+json} with a {@code type} of the one vocabulary
 * documented in docs/errors.md;</li>
 * <li>any write caused by a rejected (4xx) request: the database's fingerprint ({@link DatabaseChanges}) is
 * taken after every write request; a 4xx that moved it is sent again between two more fingerprints, and
 * reported when it changes the database again (a background job writing at the same moment does not
 * repeat).</li>
 * </ul>
 * and prints, per endpoint, the requests, their status classes and the milliseconds they took, and the
 * milliseconds spent on fingerprints.
 *
 * <p>Each service runs it as a {@code @QuarkusTest} subclass marked to run after the other tests of its profile
 * (the thousands of rows and the moved virtual clock it leaves behind reach no other test), with its outgoing
 * clients mocked so that a dependency is never "down".
 */
public abstract class FuzzContract {

    static final int DEFAULT_REQUESTS = 10_000;
    static final long DEFAULT_SEED = 9;
    private static final int TEN_MIB = 10 * 1024 * 1024;
    /** Vert.x's default {@code max-initial-line-length}: a longer request line is answered 414 (docs/errors.md). */
    private static final int MAX_REQUEST_LINE = 4096;
    /** More body than the server reads along with a request line it refuses: the rest stays unread. */
    private static final int UNREAD_BODY = 64 * 1024;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * Tables left out of the fingerprint because a background job changes them on its own. The outbox is one:
     * the relay deletes rows after publishing. Leaving it out hides nothing: an outbox row is only written in
     * the transaction of the domain row it describes, which the fingerprint sees.
     */
    protected Set<String> unfingerprintedTables() {
        return Set.of("outbox_event", "flyway_schema_history");
    }

    /** Operations not fuzzed, with the reason in the subclass (none by default). */
    protected boolean fuzzes(FuzzRequests.Operation operation) {
        return true;
    }

    @Test
    void fuzzEveryOperation() throws Exception {
        int total = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        String base = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        JsonNode document = FuzzRequests.JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create(base + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        Set<String> vocabulary = ErrorVocabulary.documented();
        List<FuzzRequests.Operation> operations = FuzzRequests.operations(document).stream().filter(this::fuzzes)
                .toList();
        assertTrue(!operations.isEmpty(), "the OpenAPI document lists no operation");
        FuzzRequests generator = new FuzzRequests(document, seed);

        // per operation: requests, 1xx..5xx, connections closed on a request refused before its body,
        // milliseconds spent (requests and fingerprints: where a slow run spends its time)
        Map<String, int[]> counts = new LinkedHashMap<>();
        operations.forEach(op -> counts.put(op.name(), new int[8]));
        List<String> failures = new ArrayList<>();
        List<String> suspects = new ArrayList<>(); // a change that did not repeat: a background job's
        long started = System.nanoTime();
        long fingerprintMillis = 0;
        try (Connection db = dataSource().getConnection();
                DatabaseChanges changes = DatabaseChanges.log(db, unfingerprintedTables())) {
            long before = changes.fingerprint();
            for (int i = 0; i < total; i++) {
                FuzzRequests.Operation operation = operations.get(i % operations.size());
                FuzzRequests.Request request = generator.next(operation);
                HttpResponse<byte[]> response;
                int[] count = counts.get(operation.name());
                count[0]++;
                long sending = System.nanoTime();
                try {
                    response = sendOnLiveConnection(http, base, request);
                } catch (IOException closed) {
                    if (refusedBeforeTheBody(request)) {
                        count[6]++;
                    } else {
                        failures.add("no answer (" + closed + "): " + request.describe());
                    }
                    continue;
                } finally {
                    count[7] += (int) ((System.nanoTime() - sending) / 1_000_000);
                }
                int status = response.statusCode();
                count[Math.min(5, Math.max(1, status / 100))]++;
                if (status >= 500) {
                    failures.add(status + " " + request.describe() + " -> " + preview(response.body()));
                } else if (status >= 400) {
                    String wrong = problemDefect(response, vocabulary);
                    if (wrong != null) {
                        failures.add(status + " " + wrong + ": " + request.describe());
                    }
                } else if (status < 300) {
                    generator.learn(response.body());
                }
                if (!WRITES.contains(request.method())) {
                    continue;
                }
                long fingerprinting = System.nanoTime();
                long after = changes.fingerprint();
                fingerprintMillis += (System.nanoTime() - fingerprinting) / 1_000_000;
                if (status >= 400 && status < 500 && after != before) {
                    // again, alone: a rejected request that writes does so every time
                    long again = changes.fingerprint();
                    HttpResponse<byte[]> repeated = sendOnLiveConnection(http, base, request);
                    long afterAgain = changes.fingerprint();
                    if (repeated.statusCode() >= 400 && afterAgain != again) {
                        failures.add(status + " changed " + changes.between(again, afterAgain) + ": " + request.describe());
                    } else {
                        suspects.add(status + " changed " + changes.between(before, after) + " once: " + request.describe());
                    }
                    after = afterAgain;
                }
                before = after;
                if (failures.size() > 50) {
                    break;
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        report(counts, seed, millis, fingerprintMillis, failures.size());
        suspects.stream().limit(20).forEach(s -> System.out.println("  not repeated (background write?): " + s));
        int sent = counts.values().stream().mapToInt(c -> c[0]).sum();
        assertEquals(List.of(), failures.stream().limit(50).toList(), "fuzz failures (seed " + seed + ")");
        assertTrue(sent >= total, "sent " + sent + " of " + total);
    }

    /**
     * Whether the HTTP server refuses the request before reading its body and closes the connection: a body
     * over the 10 MiB limit (413), or a request line over 4,096 bytes (414) with a body larger than what the
     * server reads with it. Closing a socket with unread bytes makes the kernel send a reset, which discards
     * the answer the client had not read yet, so the client may see no answer at all (seed 9 in CI: a 418 KB
     * body behind a 5,000-character query). Any other closed connection is a failure.
     */
    static boolean refusedBeforeTheBody(FuzzRequests.Request request) {
        if (request.body() == null) {
            return false;
        }
        int requestLine = request.method().length() + 1 + request.target().length() + " HTTP/1.1".length();
        return request.body().length > TEN_MIB
                || (requestLine > MAX_REQUEST_LINE && request.body().length > UNREAD_BODY);
    }

    /**
     * Sends again once when the connection died before an answer: the client reuses kept-alive connections, and
     * one the server closed (as it does after refusing a body over the limit) fails before the request is sent.
     */
    private static HttpResponse<byte[]> sendOnLiveConnection(HttpClient http, String base, FuzzRequests.Request request)
            throws IOException, InterruptedException {
        try {
            return send(http, base, request);
        } catch (IOException dead) {
            return send(http, base, request);
        }
    }

    private static HttpResponse<byte[]> send(HttpClient http, String base, FuzzRequests.Request request)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.target()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", TestTokens.bearer(request.role()))
                .header("Accept", "application/json, application/problem+json, */*");
        if (request.body() != null) {
            builder.header("Content-Type", request.contentType())
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Statuses the HTTP server (Vert.x) answers itself, before any application code could: a body over the
     * limit, a request line or headers too long (docs/errors.md, "Not problem documents").
     */
    static final Set<Integer> HTTP_SERVER_STATUSES = Set.of(413, 414, 431);

    /** Why an error answer is not a problem document of the vocabulary, or null when it is one. */
    static String problemDefect(HttpResponse<byte[]> response, Set<String> vocabulary) {
        if (HTTP_SERVER_STATUSES.contains(response.statusCode())) {
            return null;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            return "not application/problem+json (" + contentType + ", " + preview(response.body()) + ")";
        }
        JsonNode problem;
        try {
            problem = FuzzRequests.JSON.readTree(response.body());
        } catch (IOException e) {
            return "unreadable problem document";
        }
        String type = problem.path("type").asText();
        if (!ErrorVocabulary.isDocumented(type, vocabulary)) {
            return "type " + type + " not in docs/errors.md";
        }
        if (problem.path("status").asInt() != response.statusCode() || !problem.hasNonNull("title")
                || !problem.hasNonNull("detail") || !problem.hasNonNull("instance")) {
            return "problem without status/title/detail/instance: " + preview(response.body());
        }
        return null;
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ");
    }

    private void report(Map<String, int[]> counts, long seed, long millis, long fingerprintMillis, int failures) {
        StringBuilder out = new StringBuilder();
        int[] sum = new int[8];
        out.append(String.format("%nfuzz (seed %d): %-52s %7s %6s %6s %6s %6s %6s %8s%n", seed, "endpoint", "sent",
                "2xx", "3xx", "4xx", "5xx", "closed", "ms"));
        counts.forEach((name, c) -> {
            out.append(String.format("  %-66s %7d %6d %6d %6d %6d %6d %8d%n", name, c[0], c[2], c[3], c[4], c[5], c[6],
                    c[7]));
            for (int i = 0; i < 8; i++) {
                sum[i] += c[i];
            }
        });
        out.append(String.format("  %-66s %7d %6d %6d %6d %6d %6d %8d%n", "total (" + counts.size() + " operations, "
                + millis / 1000 + " s, " + failures + " failures)", sum[0], sum[2], sum[3], sum[4], sum[5], sum[6],
                sum[7]));
        out.append(String.format("  %-66s %7s %6s %6s %6s %6s %6s %8d%n", "database fingerprints after writes", "", "",
                "", "", "", "", fingerprintMillis));
        System.out.print(out);
    }

    /** The service's own database (the default datasource of the application under test). */
    protected DataSource dataSource() {
        return io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get();
    }
}
