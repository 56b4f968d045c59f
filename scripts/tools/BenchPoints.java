import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Open-loop load on the activity → points path (scripts/bench-points runs it against
 * scripts/run-platform). Requests are sent on a fixed schedule whatever the server answers (a slow
 * server gets a growing backlog, not a slower client), so the rate is the offered rate. Figures come
 * from the database's own timestamps: credit latency = points_ledger.credited_at minus the activity's
 * recorded_at (REST) or occurred_at (Kafka: stamped by this program when it sends).
 *
 * <pre>
 *   BenchPoints rest  RATE WARMUP_S DURATION_S      POST /members/{id}/activities at RATE/s
 *   BenchPoints kafka RATE WARMUP_S DURATION_S      produce activity-recorded events to member-activities at RATE/s
 *   BenchPoints burst COUNT                          produce COUNT events at once, measure the drain
 * </pre>
 *
 * Environment: MEMBER_URL, KAFKA_BOOTSTRAP_SERVERS, DB_HOST, DB_PORT, DB_USER, PGPASSWORD,
 * BENCH_MEMBERS (members the load is spread over, default 2000), BENCH_PIDS ("name:pid,..." to report
 * CPU and peak resident memory of), BENCH_DRAIN_S (how long to wait for credits, default 120).
 */
public class BenchPoints {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MEMBERS_URL = env("MEMBER_URL", "http://localhost:8083");
    /** member-service checks bearer tokens: the generator is another system recording activities (role integration). */
    static final String AUTH = authorization();

    static String authorization() {
        try {
            return "Bearer " + env("QUNYUN_TOKEN", Tokens.token("integration"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a local token (scripts/token): " + e.getMessage(), e);
        }
    }
    static final String[] TYPES = { "SHARE", "CONTENT_POST", "PURCHASE", "CHECK_IN" };

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        switch (mode) {
            case "rest", "kafka", "batch" -> {
                int rate = Integer.parseInt(args[1]);
                int warmup = Integer.parseInt(args[2]);
                int duration = Integer.parseInt(args[3]);
                run(mode, rate, warmup, duration);
            }
            case "burst" -> burst(Integer.parseInt(args[1]));
            default -> {
                System.err.println("usage: BenchPoints rest|batch|kafka RATE WARMUP_S DURATION_S | burst COUNT");
                System.exit(2);
            }
        }
        // The HTTP client's executor threads are not daemons: without this the JVM outlives the report.
        System.exit(0);
    }

    static void run(String mode, int rate, int warmup, int duration) throws Exception {
        List<UUID> members = members(Integer.parseInt(env("BENCH_MEMBERS", "2000")));
        Load load = switch (mode) {
            case "rest" -> new RestLoad();
            case "batch" -> new BatchLoad();
            default -> new KafkaLoad();
        };
        if (warmup > 0) {
            System.out.printf("warm-up: %d s at %d/s over %s (not measured)%n", warmup, rate, mode);
            // a key of its own per run: a key sent before with other fields is refused (409), not replayed
            String warm = "warm-" + UUID.randomUUID().toString().substring(0, 8);
            long floor = ledgerFloor();
            load.offer(members, rate, warmup, warm);
            awaitCredited(load.tag(warm), load.accepted(), floor, Duration.ofSeconds(60));
        }
        String tag = "run-" + UUID.randomUUID().toString().substring(0, 8);
        long floor = ledgerFloor();
        Map<String, long[]> cpuBefore = cpu();
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        System.out.printf("measured: %d s at %d/s over %s, tag %s%n", duration, rate, mode, tag);
        long[] counts = load.offer(members, rate, duration, tag);
        // accepted/s over first send → last answer
        double sendSeconds = Math.max(0.001, (counts[4] - startNanos) / 1e9);
        long accepted = counts[0];
        System.out.printf("offered %d, accepted %d (%.0f/s), rejected %d, errors %d%n", counts[3], accepted,
                accepted / sendSeconds, counts[1], counts[2]);
        report(load.tag(tag), accepted, floor, start, cpuBefore, !mode.equals("kafka"));
        load.close();
    }

    static void burst(int count) throws Exception {
        List<UUID> members = members(Integer.parseInt(env("BENCH_MEMBERS", "2000")));
        KafkaLoad load = new KafkaLoad();
        String tag = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        long floor = ledgerFloor();
        Map<String, long[]> cpuBefore = cpu();
        Instant start = Instant.now();
        for (int i = 0; i < count; i++) {
            // the keys the report looks for (load.tag): "bench-" + tag + "-" + sequence
            load.send(members.get(i % members.size()), TYPES[i % TYPES.length], "bench-" + tag + "-" + i);
        }
        load.producer.flush();
        System.out.printf("burst: %d events produced in %d ms%n", count, Duration.between(start, Instant.now()).toMillis());
        report(load.tag(tag), count, floor, start, cpuBefore, false);
        load.close();
    }

    interface Load extends AutoCloseable {
        /** @return accepted, rejected (4xx), errors, offered, System.nanoTime() of the last answer */
        long[] offer(List<UUID> members, int rate, int seconds, String tag) throws Exception;

        long accepted();

        /** The idempotency-key prefix of this run's activities, for the database queries. */
        default String tag(String tag) {
            return "bench-" + tag + "-%";
        }
    }

    /** Fixed-rate sends from a scheduler; responses are counted as they come, never waited for. */
    static abstract class ScheduledLoad implements Load {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        /** Why requests failed, counted by kind, so that a failed run says why. */
        final Map<String, AtomicLong> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();
        volatile long lastAnswerNanos;

        void failed(String kind) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        abstract void sendAsync(UUID member, String type, String key);

        public long[] offer(List<UUID> members, int rate, int seconds, String tag) throws Exception {
            long a0 = accepted.get(), r0 = rejected.get(), e0 = errors.get();
            long total = (long) rate * seconds;
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            // ticks of 10 ms, each sending its share: a steady rate without one timer per request
            long perTickMillionths = rate * 10_000L; // requests per tick × 1e6
            AtomicLong sent = new AtomicLong();
            AtomicLong budget = new AtomicLong();
            var done = new java.util.concurrent.CountDownLatch(1);
            ticker.scheduleAtFixedRate(() -> {
                long n = (budget.addAndGet(perTickMillionths) / 1_000_000L);
                budget.addAndGet(-n * 1_000_000L);
                for (long i = 0; i < n; i++) {
                    long seq = sent.getAndIncrement();
                    if (seq >= total) {
                        done.countDown();
                        return;
                    }
                    sendAsync(members.get((int) (seq % members.size())), TYPES[(int) (seq % TYPES.length)],
                            "bench-" + tag + "-" + seq);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            done.await(seconds + 30L, TimeUnit.SECONDS);
            ticker.shutdownNow();
            settle();
            if (!errorKinds.isEmpty()) {
                System.out.println("errors by kind: " + errorKinds);
                errorKinds.clear();
            }
            return new long[] { accepted.get() - a0, rejected.get() - r0, errors.get() - e0, Math.min(sent.get(), total),
                    lastAnswerNanos };
        }

        /** Waits until every answer of what was sent is in. */
        abstract void settle() throws Exception;

        public long accepted() {
            return accepted.get();
        }
    }

    /**
     * POST /members/{id}/activities over a bounded pool of keep-alive connections (BENCH_CONNECTIONS [256]),
     * from one Vert.x event loop: requests beyond the pool wait in the client's queue, so the offered rate
     * stays the scheduler's. The JDK's HttpClient used here before cost ≈ 1 ms of CPU per request, a third
     * of a core at 400/s, on the two cores it shares with the platform.
     */
    static final class RestLoad extends ScheduledLoad {
        static final int MAX_IN_FLIGHT = Integer.parseInt(env("BENCH_MAX_IN_FLIGHT", "2000"));
        static final int CONNECTIONS = Integer.parseInt(env("BENCH_CONNECTIONS", "256"));
        final io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx(new io.vertx.core.VertxOptions()
                .setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        final io.vertx.core.http.HttpClient http;
        final AtomicLong inFlight = new AtomicLong();
        final String host;
        final int port;
        final String path;

        RestLoad() {
            URI base = URI.create(MEMBERS_URL);
            host = base.getHost();
            port = base.getPort();
            path = base.getPath() == null ? "" : base.getPath();
            http = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setKeepAlive(true)
                    .setConnectTimeout(5000),
                    new io.vertx.core.http.PoolOptions().setHttp1MaxSize(CONNECTIONS).setMaxWaitQueueSize(MAX_IN_FLIGHT));
        }

        @Override
        void sendAsync(UUID member, String type, String key) {
            // Open loop, but bounded: past MAX_IN_FLIGHT unanswered requests the server is saturated; the
            // request counts as an error instead of growing the client's backlog until it runs out of memory.
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                failed("client backlog full (server saturated)");
                return;
            }
            inFlight.incrementAndGet();
            String body = JSON.createObjectNode().put("type", type).put("occurredAt", Instant.now().toString())
                    .put("idempotencyKey", key).toString();
            var options = new io.vertx.core.http.RequestOptions().setMethod(io.vertx.core.http.HttpMethod.POST)
                    .setHost(host).setPort(port).setURI(path + "/members/" + member + "/activities")
                    .putHeader("Content-Type", "application/json").putHeader("Authorization", AUTH)
                    .setTimeout(30_000);
            http.request(options)
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onComplete(result -> {
                        lastAnswerNanos = System.nanoTime();
                        if (result.failed()) {
                            failed(result.cause().getClass().getSimpleName());
                        } else if (result.result() >= 500) {
                            failed("HTTP " + result.result());
                        } else if (result.result() >= 400) {
                            rejected.incrementAndGet();
                        } else {
                            accepted.incrementAndGet();
                        }
                        inFlight.decrementAndGet();
                    });
        }

        @Override
        void settle() throws InterruptedException {
            for (int i = 0; i < 600 && inFlight.get() > 0; i++) {
                Thread.sleep(100);
            }
        }

        @Override
        public void close() {
            vertx.close();
        }
    }

    /**
     * POST /activities/batch: the activities of the fixed rate are gathered into calls of up to
     * BENCH_BATCH_SIZE [500] items, sent at least every 20 ms, so the rate stays the offered one.
     */
    static final class BatchLoad extends ScheduledLoad {
        static final int SIZE = Integer.parseInt(env("BENCH_BATCH_SIZE", "500"));
        /** Calls in flight at most; past that the server is saturated (it was MAX_IN_FLIGHT / SIZE: 4 calls). */
        static final int MAX_CALLS = Integer.parseInt(env("BENCH_BATCH_CALLS", "16"));
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        final AtomicLong inFlight = new AtomicLong();
        final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
        private com.fasterxml.jackson.databind.node.ArrayNode pending = JSON.createArrayNode();

        BatchLoad() {
            flusher.scheduleAtFixedRate(this::flush, 20, 20, TimeUnit.MILLISECONDS);
        }

        @Override
        void sendAsync(UUID member, String type, String key) {
            ObjectNode item = JSON.createObjectNode().put("memberId", member.toString()).put("type", type)
                    .put("occurredAt", Instant.now().toString()).put("idempotencyKey", key);
            boolean full;
            synchronized (this) {
                pending.add(item);
                full = pending.size() >= SIZE;
            }
            if (full) {
                flush();
            }
        }

        void flush() {
            com.fasterxml.jackson.databind.node.ArrayNode items;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return;
                }
                items = pending;
                pending = JSON.createArrayNode();
            }
            int n = items.size();
            if (inFlight.get() >= MAX_CALLS) {
                for (int i = 0; i < n; i++) {
                    failed("client backlog full (server saturated)");
                }
                return;
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("activities", items);
            HttpRequest request = HttpRequest.newBuilder(URI.create(MEMBERS_URL + "/activities/batch"))
                    .header("Content-Type", "application/json").header("Authorization", AUTH).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            inFlight.incrementAndGet();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                lastAnswerNanos = System.nanoTime();
                if (failure != null) {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    for (int i = 0; i < n; i++) {
                        failed(cause.getClass().getSimpleName());
                    }
                } else if (response.statusCode() != 200) {
                    for (int i = 0; i < n; i++) {
                        if (response.statusCode() >= 500) {
                            failed("HTTP " + response.statusCode());
                        } else {
                            rejected.incrementAndGet();
                        }
                    }
                } else {
                    try {
                        var answer = JSON.readTree(response.body());
                        accepted.addAndGet(answer.get("created").asLong() + answer.get("replayed").asLong());
                        rejected.addAndGet(answer.get("rejected").asLong());
                    } catch (Exception e) {
                        failed("unreadable answer");
                    }
                }
                inFlight.decrementAndGet();
            });
        }

        @Override
        void settle() throws InterruptedException {
            flush();
            for (int i = 0; i < 1200 && inFlight.get() > 0; i++) {
                Thread.sleep(100);
            }
        }

        @Override
        public void close() {
            flusher.shutdownNow();
        }
    }

    static final class KafkaLoad extends ScheduledLoad {
        final KafkaProducer<String, String> producer;

        KafkaLoad() {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        }

        @Override
        void sendAsync(UUID member, String type, String key) {
            send(member, type, key);
        }

        void send(UUID member, String type, String key) {
            // activityId derived from the key, as a publisher that retries would do
            UUID activityId = UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String now = Instant.now().toString();
            ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", activityId.toString())
                    .put("type", "io.qunyun.member.activity.recorded.v1").put("source", "/bench-points")
                    .put("time", now).put("subject", member.toString()).put("datacontenttype", "application/json");
            event.putObject("data").put("activityId", activityId.toString()).put("memberId", member.toString())
                    .put("type", type).put("occurredAt", now).put("idempotencyKey", key);
            producer.send(new ProducerRecord<>("member-activities", member.toString(), event.toString()), (md, e) -> {
                lastAnswerNanos = System.nanoTime();
                if (e == null) {
                    accepted.incrementAndGet();
                } else {
                    failed(e.getClass().getSimpleName());
                }
            });
        }

        @Override
        void settle() {
            producer.flush();
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** Registers the members the load is spread over (once; reused by later runs). */
    static List<UUID> members(int count) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection db = db("qunyun_member");
                PreparedStatement q = db.prepareStatement(
                        "select id from members where source_system = 'bench' order by external_id limit ?")) {
            q.setInt(1, count);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add((UUID) rs.getObject(1));
                }
            }
        }
        if (ids.size() < count) {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = ids.size(); i < count; i++) {
                String body = JSON.createObjectNode().put("sourceSystem", "bench").put("externalId", String.format("m%06d", i))
                        .put("displayName", "bench " + i).toString();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(MEMBERS_URL + "/members"))
                        .header("Content-Type", "application/json").header("Authorization", AUTH).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201 && r.statusCode() != 409) {
                    throw new IllegalStateException("registering a bench member answered " + r.statusCode() + ": " + r.body());
                }
            }
            return members(count);
        }
        return ids;
    }

    /** Waits until the ledger holds an entry for each accepted activity of the run, then reports. */
    static void report(String keyPattern, long expected, long floor, Instant start, Map<String, long[]> cpuBefore,
            boolean rest) throws Exception {
        long credited = awaitCredited(keyPattern, expected, floor, Duration.ofSeconds(Long.parseLong(env("BENCH_DRAIN_S", "120"))));
        double wall = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        // REST: activities → ledger by activity id; Kafka: the ledger row's activity id is the event's.
        String sql = rest
                ? """
                  select count(*), count(distinct l.activity_id), min(l.credited_at), max(l.credited_at),
                    percentile_cont(array[0.5,0.9,0.99]) within group (order by extract(epoch from l.credited_at - a.recorded_at)),
                    max(extract(epoch from l.credited_at - a.recorded_at))
                  from activities a join points_ledger l on l.activity_id = a.id where a.idempotency_key like ?"""
                : """
                  select count(*), count(distinct l.activity_id), min(l.credited_at), max(l.credited_at),
                    percentile_cont(array[0.5,0.9,0.99]) within group (order by extract(epoch from l.credited_at - l.occurred_at)),
                    max(extract(epoch from l.credited_at - l.occurred_at))
                  from points_ledger l where l.activity_id = any (?)""";
        try (Connection db = db("qunyun_member"); PreparedStatement q = db.prepareStatement(sql)) {
            if (rest) {
                q.setString(1, keyPattern);
            } else {
                q.setArray(1, db.createArrayOf("uuid", kafkaActivityIds(keyPattern, expected).toArray()));
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                long entries = rs.getLong(1);
                long distinct = rs.getLong(2);
                Instant first = rs.getTimestamp(3) == null ? start : rs.getTimestamp(3).toInstant();
                Instant last = rs.getTimestamp(4) == null ? start : rs.getTimestamp(4).toInstant();
                Double[] p = rs.getArray(5) == null ? new Double[] { 0d, 0d, 0d } : (Double[]) rs.getArray(5).getArray();
                double max = rs.getDouble(6);
                double span = Math.max(0.001, Duration.between(start, last).toMillis() / 1000.0);
                System.out.printf("credited %d of %d accepted (%s), %.0f credited/s (first send → last credit %.1f s)%n",
                        distinct, expected, entries == distinct && distinct == expected ? "each exactly once"
                                : "MISMATCH: " + entries + " ledger rows for " + distinct + " activities",
                        distinct / span, span);
                System.out.printf("credit latency ms: p50 %.0f  p90 %.0f  p99 %.0f  max %.0f%n", p[0] * 1000, p[1] * 1000,
                        p[2] * 1000, max * 1000);
                if (entries != distinct || distinct != expected) {
                    cpuReport(cpuBefore, wall);
                    System.exit(1);
                }
            }
        }
        cpuReport(cpuBefore, wall);
        if (credited < expected) {
            System.exit(1);
        }
    }

    /** Kafka runs have no activities rows: the ids are derived from the keys, as the producer did. */
    static List<UUID> kafkaActivityIds(String keyPattern, long count) {
        String prefix = keyPattern.substring(0, keyPattern.length() - 1);
        List<UUID> ids = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            ids.add(UUID.nameUUIDFromBytes((prefix + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return ids;
    }

    /** The newest ledger row before a load: rows after it are the load's (the benchmark runs alone). */
    static long ledgerFloor() throws Exception {
        try (Connection db = db("qunyun_member"); Statement q = db.createStatement();
                ResultSet rs = q.executeQuery("select coalesce(max(id), 0) from points_ledger")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Polls the newest ledger id (one index probe): ids are an identity, so the run's rows are at most
     * {@code max(id) - floor}. Only when that reaches the expected count are the rows after {@code floor}
     * counted, and only when those are enough the exact count, which matches every key of the run. Counting on
     * every poll cost PostgreSQL up to half a second once the ledger held a few hundred thousand rows: polled
     * every 500 ms it took a third of a core from the services it measured, during the drain it timed.
     */
    static long awaitCredited(String keyPattern, long expected, long floor, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long credited = 0;
        try (Connection db = db("qunyun_member");
                PreparedStatement newest = db.prepareStatement("select coalesce(max(id), 0) from points_ledger");
                PreparedStatement since = db.prepareStatement("select count(*) from points_ledger where id > ?")) {
            since.setLong(1, floor);
            while (System.nanoTime() < deadline) {
                if (single(newest) - floor >= expected && single(since) >= expected) {
                    credited = countCredited(db, keyPattern, expected);
                    if (credited >= expected) {
                        break;
                    }
                }
                Thread.sleep(500);
            }
        }
        return credited;
    }

    static long single(PreparedStatement query) throws Exception {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long countCredited(Connection db, String keyPattern, long expected) throws Exception {
        // both paths: ledger rows whose activity id is one of this run's (REST: via activities, Kafka: derived ids)
        try (PreparedStatement rest = db.prepareStatement(
                "select count(*) from activities a join points_ledger l on l.activity_id = a.id where a.idempotency_key like ?")) {
            rest.setString(1, keyPattern);
            try (ResultSet rs = rest.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement kafka = db.prepareStatement("select count(*) from points_ledger where activity_id = any (?)")) {
            kafka.setArray(1, db.createArrayOf("uuid", kafkaActivityIds(keyPattern, expected).toArray()));
            try (ResultSet rs = kafka.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * CPU ticks (utime + stime) per named process, from /proc. An entry "name:pid:tree" also counts the
     * process's children (PostgreSQL: the backends do the work, not the postmaster).
     */
    static Map<String, long[]> cpu() throws Exception {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (String entry : env("BENCH_PIDS", "").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.split(":");
            long pid = Long.parseLong(kv[1]);
            long[] own = stat(pid);
            if (own == null) {
                continue;
            }
            long ticks = own[0];
            if (kv.length > 2) {
                try (var procs = Files.list(Path.of("/proc"))) {
                    for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                        long[] child = stat(Long.parseLong(p.getFileName().toString()));
                        if (child != null && child[1] == pid) {
                            ticks += child[0];
                        }
                    }
                }
            }
            out.put(kv[0], new long[] { ticks, pid, kv.length > 2 ? 1 : 0 });
        }
        // the load generator shares the machine: its own CPU belongs in the picture
        long self = ProcessHandle.current().pid();
        long[] own = stat(self);
        if (own != null) {
            out.put("bench client", new long[] { own[0], self, 0 });
        }
        return out;
    }

    /** utime + stime and parent pid of a process, null when it is gone. */
    static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] { Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[1]) };
        } catch (Exception e) {
            return null;
        }
    }

    static void cpuReport(Map<String, long[]> before, double wallSeconds) throws Exception {
        Map<String, long[]> after = cpu();
        for (var e : before.entrySet()) {
            long[] now = after.get(e.getKey());
            if (now == null) {
                System.out.printf("  %-17s exited during the run%n", e.getKey());
                continue;
            }
            // backends that ended during the run took their ticks with them: a lower bound then
            double cpuSeconds = (now[0] - e.getValue()[0]) / 100.0; // USER_HZ = 100 on Linux
            String memory = "";
            if (now[2] == 0) {
                String hwm = Files.readAllLines(Path.of("/proc", String.valueOf(now[1]), "status")).stream()
                        .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("0").replaceAll("\\D+", " ").trim();
                memory = ", peak resident " + Long.parseLong(hwm.split(" ")[0]) / 1024 + " MB";
            }
            System.out.printf("  %-17s CPU %5.0f %% of one core%s%n", e.getKey(), 100 * cpuSeconds / wallSeconds, memory);
        }
    }

    static Connection db(String name) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", env("DB_USER", "postgres"));
        if (System.getenv("PGPASSWORD") != null) {
            p.setProperty("password", System.getenv("PGPASSWORD"));
        }
        return DriverManager.getConnection("jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432")
                + "/" + name, p);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
