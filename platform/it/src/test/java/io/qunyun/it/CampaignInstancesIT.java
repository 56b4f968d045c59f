package io.qunyun.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.qunyun.testkit.KafkaBrokerResource;
import io.qunyun.testkit.TestTokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * Two packaged campaign-service instances on one database fire each due row exactly once, and a
 * kill -9 in the middle of a 1:1 step's materialisation neither loses nor duplicates a task.
 * member-service's audience endpoint and rules-service are played by a small HTTP server in the
 * test JVM (the audience endpoint is built on another branch; the real exchange is PlatformIT's).
 */
class CampaignInstancesIT {

    static final int AUDIENCE = 20_000;
    static final ObjectMapper JSON = new ObjectMapper();
    static EmbeddedKafkaBroker broker;
    static HttpServer peers;
    static ServiceProcess a;
    static ServiceProcess b;
    static String jdbcUrl;
    static final java.util.concurrent.atomic.AtomicInteger unauthorisedCalls = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        TestTokens.everyRequestAs("admin");
        broker = KafkaBrokerResource.newBroker();
        peers = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        peers.createContext("/audiences/query", CampaignInstancesIT::audience);
        peers.createContext("/decisions/", CampaignInstancesIT::decision);
        peers.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        peers.start();
        String peerUrl = "http://localhost:" + peers.getAddress().getPort();
        // A database of its own, not PlatformIT's qunyun_campaign_test: when PlatformIT's campaign-service was
        // still running on it (as a @QuarkusIntegrationTest, it ran until the Failsafe JVM ended), that third
        // relay took touch-due outbox rows of this test and published them to PlatformIT's broker (a CI
        // rehearsal read 1 of 6 steps). It is stopped after PlatformIT now; the own database stays, so the
        // two tests never depend on their order.
        Map<String, String> props = new HashMap<>(PlatformResource.serviceProperties("qunyun_campaign_it",
                broker.getAdvertisedListeners()));
        jdbcUrl = props.get("quarkus.datasource.jdbc.url");
        props.put("quarkus.profile", "demo"); // prod settings on the virtual clock
        props.put("quarkus.rest-client.member-service.url", peerUrl);
        props.put("quarkus.rest-client.rules-service.url", peerUrl);
        props.put("qunyun.clock.start", "2027-05-01T00:00:00Z");
        props.put("qunyun.scheduler.interval", "1s");
        props.put("qunyun.scheduler.page-size", "500");
        props.put("mp.messaging.incoming.membership-events.allow.auto.create.topics", "true");
        a = new ServiceProcess("campaign-service", "campaign-service-a", props).start();
        b = new ServiceProcess("campaign-service", "campaign-service-b", props).restart(); // must not clean A's schema
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess p : new ServiceProcess[] { a, b }) {
            if (p != null) {
                p.stop();
            }
        }
        if (peers != null) {
            peers.stop(0);
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void twoInstancesFireEachRowOnceAndAKillDuringMaterialisationLosesNothing() throws Exception {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/it-contention.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        given().baseUri(a.url()).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/templates").then().statusCode(201);
        String groupId = given().baseUri(a.url()).contentType(ContentType.JSON).body("""
                {"name": "IT group", "platform": "WECOM", "aidass": {"from": "DESIRE", "to": "ACTION"},
                 "timeZone": "Asia/Shanghai"}""").post("/groups").then().statusCode(201).extract().path("id");
        for (ServiceProcess p : List.of(a, b)) {
            given().baseUri(p.url()).contentType(ContentType.JSON).body(Map.of("instant", "2027-05-01T00:00:00Z"))
                    .put("/clock").then().statusCode(200);
        }
        String campaignId = given().baseUri(a.url()).contentType(ContentType.JSON).body("""
                {"templateId": "it-contention", "groupIds": ["%s"], "startDate": "2027-05-02",
                 "northStar": {"metric": "paid_conversion_rate", "target": 0.1}}""".formatted(groupId))
                .post("/campaigns").then().statusCode(201).extract().path("id");

        try (KafkaCompanion kafka = new KafkaCompanion(broker.getAdvertisedListeners())) {
            // Both instances reach 09:00 local on day 1 (01:00Z) at the same moment: everything is due on both.
            List<CompletableFuture<Void>> moves = new ArrayList<>();
            for (ServiceProcess p : List.of(a, b)) {
                moves.add(CompletableFuture.runAsync(() -> given().baseUri(p.url()).contentType(ContentType.JSON)
                        .body(Map.of("instant", "2027-05-02T01:00:00Z")).put("/clock").then().statusCode(200)));
            }
            // Kill A while the big 1:1 step is half materialised, then restart it.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> tasks(campaignId) > AUDIENCE / 10);
            a.kill();
            long atKill = tasks(campaignId);
            a.restart();
            given().baseUri(a.url()).contentType(ContentType.JSON).body(Map.of("instant", "2027-05-02T01:00:00Z"))
                    .put("/clock").then().statusCode(200);
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> openRows(campaignId) == 0);
            moves.forEach(f -> f.exceptionally(e -> null).join()); // A's request may have died with A

            assertTrue(atKill < AUDIENCE, "killed during materialisation (" + atKill + " of " + AUDIENCE + ")");
            assertEquals(AUDIENCE, tasks(campaignId), "no missing task");
            assertEquals(AUDIENCE, scalar("SELECT count(DISTINCT member_id) FROM operator_task WHERE campaign_id = '"
                    + campaignId + "'"), "no duplicate task");
            assertEquals(6, scalar("SELECT count(*) FROM touch WHERE campaign_id = '" + campaignId + "'"));
            // Read the whole topic afterwards, every partition from its start, without a consumer group: a
            // subscription racing the topic's auto-creation could miss the first records and prove nothing.
            // The relay publishes after the commit that closed the row, and on a loaded machine (the whole
            // suite on 2 cores) that can take longer than the topic read waits: first wait until the outbox
            // holds no touch-due row, which tells a slow relay from a lost record.
            await("the relays publish every touch-due outbox row").atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> scalar("SELECT count(*) FROM outbox_event WHERE topic = 'touch-due'") == 0);
            List<ConsumerRecord<String, String>> touches = touchesOf(groupId);
            // The topic is at least once (a record whose acknowledgement outlives the relay's send timeout, or
            // whose sender is killed, is sent again): what must hold is one event per step, each with one event
            // id, the touch id, on which consumers drop the repeats.
            Map<String, java.util.Set<String>> idsByStep = new java.util.TreeMap<>();
            for (ConsumerRecord<String, String> r : touches) {
                JsonNode event = read(r.value());
                idsByStep.computeIfAbsent(event.at("/data/stepId").asText(), k -> new java.util.TreeSet<>())
                        .add(event.at("/id").asText());
            }
            assertEquals(6, idsByStep.size(), () -> "touch-due events by step: " + idsByStep);
            assertTrue(idsByStep.values().stream().allMatch(ids -> ids.size() == 1),
                    () -> "a step with more than one event id: " + idsByStep);
            assertEquals(0, scalar("SELECT count(*) FROM campaign_step WHERE campaign_id = '" + campaignId
                    + "' AND kind = 'STEP' AND state NOT IN ('DONE', 'LATE')"));
            assertEquals(0, unauthorisedCalls.get(), "every call to the peers carried the integration token");
        }
    }

    /** Every touch-due record of the group, once six steps are there and three more seconds have passed. */
    static List<ConsumerRecord<String, String>> touchesOf(String groupId) throws InterruptedException {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.getAdvertisedListeners(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(), "enable.auto.commit", "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            // A fresh client may not see the topic's partitions at once (a CI rehearsal got an empty list although
            // the relays had published): ask again until they are there, or fail saying so.
            List<TopicPartition> partitions = List.of();
            long metadataDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.isEmpty() && System.nanoTime() < metadataDeadline) {
                partitions = consumer.partitionsFor("touch-due", Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (partitions.isEmpty()) {
                    Thread.sleep(500);
                }
            }
            assertFalse(partitions.isEmpty(), "the broker knows no partition of touch-due");
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.stream().map(r -> read(r.value()).at("/data/stepId").asText()).distinct().count() < 6
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (groupId.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            Thread.sleep(3000); // a second event for a step would be there now
            consumer.poll(Duration.ofMillis(1000)).forEach(r -> {
                if (groupId.equals(r.key())) {
                    found.add(r);
                }
            });
        }
        return found;
    }

    static long tasks(String campaignId) throws SQLException {
        return scalar("SELECT count(*) FROM operator_task WHERE campaign_id = '" + campaignId + "'");
    }

    static long openRows(String campaignId) throws SQLException {
        // ENDED is due at the next local midnight, after the instant the test moves to.
        return scalar("SELECT count(*) FROM campaign_step WHERE campaign_id = '" + campaignId
                + "' AND state IN ('PENDING', 'MATERIALISING') AND due_at <= '2027-05-02T01:00:00Z'");
    }

    static long scalar(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, System.getenv().getOrDefault("DB_USER", "postgres"),
                System.getenv().getOrDefault("DB_PASSWORD", ""));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audience: AUDIENCE members and two staff, paged by membership id, slowly (20 ms a page). */
    static void audience(HttpExchange exchange) throws IOException {
        if (!fromAService(exchange)) {
            return;
        }
        JsonNode q = JSON.readTree(exchange.getRequestBody());
        String group = q.at("/groupIds/0").asText();
        List<Map<String, Object>> items = new ArrayList<>();
        String next = null;
        if (q.path("staff").asBoolean(false)) {
            items.add(member(group, new UUID(9, 1), new UUID(8, 1), List.of("STEWARD"), true));
            items.add(member(group, new UUID(9, 2), new UUID(8, 2), List.of("PRE_SALES"), true));
        } else {
            int after = q.hasNonNull("after") ? Integer.parseInt(q.get("after").asText()) : 0;
            int limit = q.path("limit").asInt(1000);
            int end = Math.min(AUDIENCE, after + limit);
            for (int i = after + 1; i <= end; i++) {
                items.add(member(group, new UUID(1, i), new UUID(2, i), List.of(), false));
            }
            next = end < AUDIENCE ? String.valueOf(end) : null;
            sleep(20);
        }
        Map<String, Object> page = new HashMap<>();
        page.put("items", items);
        page.put("nextCursor", next);
        respond(exchange, JSON.writeValueAsBytes(page));
    }

    static Map<String, Object> member(String group, UUID membershipId, UUID memberId, List<String> roles,
            boolean staff) {
        return Map.of("membershipId", membershipId.toString(), "memberId", memberId.toString(), "groupId", group,
                "roles", roles, "staff", staff, "layer", "CORE", "stage", "FAMILIAR", "activityState", "ACTIVE",
                "tier", "ACTIVE", "joinedAt", "2027-04-01T00:00:00Z");
    }

    /** rules-service: positioning, 5W1H and touch strategy answers (PlatformIT covers the real tables). */
    /** The peers stand for the real services: a call without the integration token is refused like theirs. */
    static boolean fromAService(HttpExchange exchange) throws IOException {
        if (TestTokens.bearer("integration").equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        unauthorisedCalls.incrementAndGet();
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
        return false;
    }

    static void decision(HttpExchange exchange) throws IOException {
        if (!fromAService(exchange)) {
            return;
        }
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Map<String, Object> answer = switch (path) {
            case "/decisions/positioning" -> Map.of("type", "CONVERSION", "lifespanHours", 720, "intensity", "HIGH",
                    "primaryMetric", "CONVERSION", "table", "GroupPositioning", "tableVersion", "sha256:it",
                    "firedRules", List.of("P02"));
            case "/decisions/schedule-policy" -> Map.of("quietStart", "23:00", "quietEnd", "06:00",
                    "contactCapPerDay", 5, "capMode", "SKIP", "groupPostsPerMonth", 1000, "oneToOnePerCustomerPerMonth",
                    100, "oneToOneLayers", List.of("CORE", "INFLUENCE", "PERIPHERY"), "decidedBy", "Q99 it",
                    "tableVersion", "sha256:it", "firedRules", List.of("Q99 it"));
            case "/decisions/five-w-one-h" -> Map.of("blocked", false, "findings", List.of(), "table", "FiveW1H",
                    "tableVersion", "sha256:it", "firedRules", List.of());
            default -> Map.of("action", "chat", "channel", "ONE_ON_ONE_CHAT", "ownerRole", "STEWARD", "priority",
                    "HIGH", "decidedBy", "S01", "table", "TouchStrategy", "tableVersion", "sha256:it");
        };
        respond(exchange, JSON.writeValueAsBytes(answer));
    }

    static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
