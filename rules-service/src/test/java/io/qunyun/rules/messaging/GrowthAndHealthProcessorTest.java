package io.qunyun.rules.messaging;

import static io.qunyun.rules.messaging.RewardDecisionProcessorTest.fieldNames;
import static io.qunyun.rules.messaging.RewardDecisionProcessorTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** The tier and group-health processors: serialized shape against the golden files, ack chain, rejections. */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class GrowthAndHealthProcessorTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TierDecisionProcessor tierProcessor;

    @Inject
    GroupHealthDecisionProcessor healthProcessor;

    @Test
    void tierDecisionHasExactlyTheGoldenFieldsAndValues() throws Exception {
        JsonNode golden = JSON.readTree(resource("events/tier-decided.json"));
        Message<String> out = tierProcessor.decide(Message.of(resource("events/member-growth-changed.json")));
        JsonNode actual = JSON.readTree(out.getPayload());

        assertEquals(fieldNames(golden), fieldNames(actual), "envelope fields");
        assertEquals(fieldNames(golden.get("data")), fieldNames(actual.get("data")), "data fields");
        for (String field : List.of("id", "type", "source", "subject", "specversion", "datacontenttype")) {
            assertEquals(golden.get(field), actual.get(field), field);
        }
        for (String field : List.of("decisionId", "growthEventId", "memberId", "purchases", "contentPoints",
                "behaviourPoints", "growthValue", "weights", "tier", "rank", "benefits", "currentTier", "change",
                "firedRules", "table")) {
            assertEquals(golden.get("data").get(field), actual.get("data").get(field), field);
        }
        assertTrue(actual.get("data").get("tableVersion").asText().startsWith("sha256:"));
        assertEquals("5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33",
                out.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey());
    }

    @Test
    void groupHealthDecisionHasExactlyTheGoldenFieldsAndValues() throws Exception {
        JsonNode golden = JSON.readTree(resource("events/group-health-decided.json"));
        // campaign-service's report with the metrics of the documented example (check-ins dropping), without the
        // primary metric and campaign age another publisher may leave out
        JsonNode report = JSON.readTree(resource("events/group-metrics-reported.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("data")).put("messagesPerDay", 3.5)
                .put("activeMemberRatio", 0.3).put("checkInRate", 0.1).put("conversions", 2).put("ageHours", 240)
                .put("lifespanHours", 792).without(List.of("primaryMetric", "campaignAgeHours"));
        Message<String> out = healthProcessor.decide(Message.of(JSON.writeValueAsString(report)));
        JsonNode actual = JSON.readTree(out.getPayload());

        assertEquals(fieldNames(golden), fieldNames(actual), "envelope fields");
        assertEquals(fieldNames(golden.get("data")), fieldNames(actual.get("data")), "data fields");
        for (String field : List.of("id", "type", "source", "subject", "specversion", "datacontenttype")) {
            assertEquals(golden.get(field), actual.get(field), field);
        }
        for (String field : List.of("decisionId", "metricsEventId", "groupId", "groupType", "verdict", "reviveKind",
                "message", "pastLifespan", "decidedBy", "firedRules", "table")) {
            assertEquals(golden.get("data").get(field), actual.get("data").get(field), field);
        }
        assertEquals("9a1e5c7b-2d4f-4e8a-b6c3-1f0d2e3a4b5c",
                out.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey());
    }

    /**
     * campaign-service's own golden sample (it reports more fields than GroupHealth reads): decided on,
     * and its primary metric and campaign age reach the table (H10: a quiet group that sells is OK).
     */
    @Test
    void campaignServiceMetricsReportIsDecidedWithItsPrimaryMetric() throws Exception {
        String report = resource("events/group-metrics-reported.json");
        JsonNode quiet = JSON.readTree(report);
        ((com.fasterxml.jackson.databind.node.ObjectNode) quiet.get("data")).put("messagesPerDay", 0.5)
                .put("activeMemberRatio", 0.03).put("ageHours", 400);
        Message<String> out = healthProcessor.decide(Message.of(JSON.writeValueAsString(quiet)));
        JsonNode decided = JSON.readTree(out.getPayload()).get("data");
        assertEquals("OK", decided.get("verdict").asText());
        assertEquals("H10 quiet group that sells", decided.get("decidedBy").asText());
    }

    @Test
    void inputIsAcknowledgedOnlyWhenTheDecisionIs() throws Exception {
        assertAckChain(tierProcessor::decide, resource("events/member-growth-changed.json"));
        assertAckChain(healthProcessor::decide, resource("events/group-metrics-reported.json"));
    }

    static void assertAckChain(Function<Message<String>, Message<String>> processor, String payload) {
        AtomicBoolean acked = new AtomicBoolean();
        AtomicBoolean nacked = new AtomicBoolean();
        Message<String> in = Message.of(payload).withAck(() -> {
            acked.set(true);
            return CompletableFuture.completedFuture(null);
        }).withNack(e -> {
            nacked.set(true);
            return CompletableFuture.completedFuture(null);
        });
        Message<String> out = processor.apply(in);
        assertFalse(acked.get(), "not acknowledged before the decision is");
        out.ack().toCompletableFuture().join();
        assertTrue(acked.get(), "acknowledging the decision acknowledges the input");
        assertFalse(nacked.get());

        AtomicBoolean refusedNacked = new AtomicBoolean();
        Message<String> refused = Message.of(payload).withNack(e -> {
            refusedNacked.set(true);
            return CompletableFuture.completedFuture(null);
        });
        processor.apply(refused).nack(new RuntimeException("broker said no")).toCompletableFuture().join();
        assertTrue(refusedNacked.get(), "a decision the broker refused is not committed");
    }

    @Test
    void malformedGrowthIsNackedWithAReason() throws Exception {
        String golden = resource("events/member-growth-changed.json");
        assertEquals("invalid member growth: data.purchases must be greater than or equal to 0",
                rejection(tierProcessor::decide, golden.replace("\"purchases\": 2", "\"purchases\": -2")));
        assertEquals("invalid member growth: data.behaviourPoints must not be null; data.contentPoints must not be null",
                rejection(tierProcessor::decide, golden.replace("\"contentPoints\": 40,", "")
                        .replace("\"behaviourPoints\": 100,", "")));
        assertEquals("invalid member growth: data.memberId must not be null",
                rejection(tierProcessor::decide, golden.replace("\"memberId\": \"5d2c7a8e-3f0b-4c1a-9f7e-2b6d1e9a4c33\",", "")));
        assertEquals("invalid member growth: data.currentTier is not one of [NEWBIE, ACTIVE, CORE, AMBASSADOR]: GOLD",
                rejection(tierProcessor::decide, golden.replace("\"currentTier\": \"NEWBIE\"", "\"currentTier\": \"GOLD\"")));
        assertEquals("envelope has no id",
                rejection(tierProcessor::decide, golden.replace("\"id\": \"7c1f2e3d-4b5a-4c6d-8e9f-0a1b2c3d4e5f\",", "")));
        assertTrue(rejection(tierProcessor::decide, resource("events/group-metrics-reported.json"))
                .startsWith("unsupported event type io.qunyun.campaign.group.metrics.reported.v1, expected io.qunyun.member.growth.changed.v1"));
        assertTrue(rejection(tierProcessor::decide, "{").startsWith("value is not JSON"));
    }

    @Test
    void malformedMetricsAreNackedWithAReason() throws Exception {
        String golden = resource("events/group-metrics-reported.json");
        assertEquals("invalid group metrics: data.activeMemberRatio must be less than or equal to 1",
                rejection(healthProcessor::decide, golden.replace("\"activeMemberRatio\": 0.75", "\"activeMemberRatio\": 30")));
        assertEquals("invalid group metrics: data.groupId is missing",
                rejection(healthProcessor::decide, golden.replace("\"groupId\": \"9a1e5c7b-2d4f-4e8a-b6c3-1f0d2e3a4b5c\",", "")));
        assertEquals("envelope has no data object",
                rejection(healthProcessor::decide, "{\"type\":\"io.qunyun.campaign.group.metrics.reported.v1\",\"id\":\"x\"}"));
        assertEquals("empty record value", rejection(healthProcessor::decide, ""));
    }

    /** Runs a record through a processor, expecting it to publish nothing and nack with a reason. */
    static String rejection(Function<Message<String>, Message<String>> processor, String payload) {
        AtomicReference<Throwable> reason = new AtomicReference<>();
        Message<String> in = Message.of(payload).withNack(e -> {
            reason.set(e);
            return CompletableFuture.completedFuture(null);
        });
        assertNull(processor.apply(in), "nothing published for a rejected record");
        assertTrue(reason.get() instanceof MalformedEventException, String.valueOf(reason.get()));
        return reason.get().getMessage();
    }
}
