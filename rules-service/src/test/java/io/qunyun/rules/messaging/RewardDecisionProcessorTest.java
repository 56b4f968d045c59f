package io.qunyun.rules.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** The processor itself: serialized shape against the golden file, and the ack chain. */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class RewardDecisionProcessorTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RewardDecisionProcessor processor;

    @Test
    void serializedDecisionHasExactlyTheGoldenFieldNames() throws Exception {
        JsonNode golden = JSON.readTree(resource("events/reward-decided.json"));
        Message<String> out = processor.decide(Message.of(resource("events/activity-recorded.json")));
        JsonNode actual = JSON.readTree(out.getPayload());

        assertEquals(fieldNames(golden), fieldNames(actual), "envelope fields");
        assertEquals(fieldNames(golden.get("data")), fieldNames(actual.get("data")), "data fields");

        // and the values the sample implies
        assertEquals(golden.get("type"), actual.get("type"));
        assertEquals(golden.get("source"), actual.get("source"));
        assertEquals(golden.get("subject"), actual.get("subject"));
        for (String field : List.of("activityId", "memberId", "activityType", "groupId", "occurredAt", "points",
                "basePoints", "multiplier", "reason", "badge", "penalty", "expel", "firedRules", "table")) {
            assertEquals(golden.get("data").get(field), actual.get("data").get(field), field);
        }
        JsonNode goldenPolicy = golden.get("data").get("policy");
        JsonNode policy = actual.get("data").get("policy");
        assertEquals(fieldNames(goldenPolicy), fieldNames(policy), "policy fields");
        for (String field : List.of("maxPerDay", "capRule", "growthInput", "expiresAfterDays", "expiryRule", "table")) {
            assertEquals(goldenPolicy.get(field), policy.get(field), "policy." + field);
        }
        assertEquals(actual.get("id"), actual.get("data").get("decisionId"));
        assertEquals("5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33",
                out.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey());
    }

    @Test
    void contextFieldsOfTheActivityReachTheTable() throws Exception {
        Message<String> out = processor.decide(Message.of(resource("events/activity-recorded-with-context.json")));
        JsonNode data = JSON.readTree(out.getPayload()).get("data");
        // AD_SPAM with 2 prior offences: the expel row outranks the plain penalty row
        assertEquals(-100, data.get("points").asInt());
        assertTrue(data.get("penalty").asBoolean());
        assertTrue(data.get("expel").asBoolean());
        assertTrue(data.get("badge").isNull());
        assertEquals("R13 repeated advertising expels", data.get("firedRules").get(0).asText());
        assertEquals(2, data.get("firedRules").size());
    }

    @Test
    void aStreakBringsItsBadge() throws Exception {
        String activity = resource("events/activity-recorded.json").replace("\"streakDays\": 1", "\"streakDays\": 7");
        JsonNode data = JSON.readTree(processor.decide(Message.of(activity)).getPayload()).get("data");
        assertEquals(30, data.get("points").asInt());
        assertEquals("7 天打卡达人 / 7-day check-in streak", data.get("badge").asText());
        assertFalse(data.get("penalty").asBoolean());
        assertFalse(data.get("expel").asBoolean());
    }

    @Test
    void activityIsAcknowledgedOnlyWhenTheDecisionIs() throws Exception {
        AtomicBoolean activityAcked = new AtomicBoolean();
        AtomicBoolean activityNacked = new AtomicBoolean();
        Message<String> activity = Message.of(resource("events/activity-recorded.json"))
                .withAck(() -> {
                    activityAcked.set(true);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    activityNacked.set(true);
                    return CompletableFuture.completedFuture(null);
                });

        Message<String> decision = processor.decide(activity);
        assertFalse(activityAcked.get(), "not acknowledged before the decision is");

        decision.ack().toCompletableFuture().join();
        assertTrue(activityAcked.get(), "acknowledging the decision acknowledges the activity");
        assertFalse(activityNacked.get());
    }

    @Test
    void decisionFailureNacksTheActivity() throws Exception {
        AtomicBoolean activityNacked = new AtomicBoolean();
        Message<String> activity = Message.of(resource("events/activity-recorded.json"))
                .withNack(e -> {
                    activityNacked.set(true);
                    return CompletableFuture.completedFuture(null);
                });
        processor.decide(activity).nack(new RuntimeException("broker said no")).toCompletableFuture().join();
        assertTrue(activityNacked.get(), "a decision the broker refused is not committed");
    }

    @Test
    void malformedActivitiesAreNackedWithAReason() {
        assertEquals("invalid activity: data.memberId is missing; data.occurredAt is missing",
                rejectionReason("{\"type\":\"io.qunyun.member.activity.recorded.v1\",\"data\":"
                        + "{\"activityId\":\"0b8f8f0e-6c1e-4b53-9b61-0d4b8a1f2c10\",\"type\":\"SHARE\"}}"));
        assertTrue(rejectionReason("{\"type\":\"io.qunyun.other.v1\",\"data\":{}}").contains("unsupported event type"));
        assertTrue(rejectionReason("{").startsWith("value is not JSON"));
        assertTrue(rejectionReason("{\"type\":\"io.qunyun.member.activity.recorded.v1\",\"data\":"
                + "{\"activityId\":\"0b8f8f0e-6c1e-4b53-9b61-0d4b8a1f2c10\",\"memberId\":\"0b8f8f0e-6c1e-4b53-9b61-0d4b8a1f2c11\","
                + "\"type\":\"SHARE\",\"occurredAt\":\"2026-11-21T08:14:58Z\",\"priorOffences\":-1}}")
                .contains("data.priorOffences is not a whole number >= 0"));
        assertEquals("empty record value", rejectionReason(""));
    }

    /** Runs a record through the processor, expecting it to publish nothing and nack with a reason. */
    String rejectionReason(String payload) {
        AtomicReference<Throwable> reason = new AtomicReference<>();
        Message<String> activity = Message.of(payload).withNack(e -> {
            reason.set(e);
            return CompletableFuture.completedFuture(null);
        });
        assertNull(processor.decide(activity), "nothing published for a rejected activity");
        assertInstanceOf(MalformedActivityException.class, reason.get());
        return reason.get().getMessage();
    }

    static TreeSet<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return new TreeSet<>(names);
    }

    static String resource(String path) throws Exception {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
