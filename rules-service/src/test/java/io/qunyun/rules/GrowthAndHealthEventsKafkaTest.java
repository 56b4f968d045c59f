package io.qunyun.rules;

import static io.qunyun.rules.RewardEventsKafkaTest.TIMEOUT;
import static io.qunyun.rules.RewardEventsKafkaTest.await;
import static io.qunyun.rules.RewardEventsKafkaTest.header;
import static io.qunyun.rules.RewardEventsKafkaTest.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.qunyun.testkit.KafkaBrokerResource;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Tier and group-health decisions over the in-JVM broker: member-growth → tier-decisions and
 * group-metrics → group-health-decisions, poison records to the DLQs, consumption continues.
 */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class GrowthAndHealthEventsKafkaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static KafkaCompanion companion;
    static ConsumerTask<String, String> tierDecisions;
    static ConsumerTask<String, String> healthDecisions;
    static ConsumerTask<String, String> deadLetters;

    @BeforeAll
    static void consume() {
        companion = KafkaBrokerResource.companion();
        tierDecisions = companion.consumeStrings().withGroupId("test-tier-" + UUID.randomUUID())
                .withAutoCommit().fromTopics("tier-decisions");
        healthDecisions = companion.consumeStrings().withGroupId("test-health-" + UUID.randomUUID())
                .withAutoCommit().fromTopics("group-health-decisions");
        deadLetters = companion.consumeStrings().withGroupId("test-growth-dlq-" + UUID.randomUUID())
                .withAutoCommit().fromTopics("member-growth-dlq", "group-metrics-dlq");
    }

    @AfterAll
    static void close() {
        tierDecisions.stop();
        healthDecisions.stop();
        deadLetters.stop();
        companion.close();
    }

    static String growth(String eventId, UUID memberId, int purchases, int contentPoints, int behaviourPoints,
            String currentTier) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.qunyun.member.growth.changed.v1",
                 "source":"/member-service","time":"2026-11-21T09:00:00Z","subject":"%s","datacontenttype":"application/json",
                 "data":{"memberId":"%s","purchases":%d,"contentPoints":%d,"behaviourPoints":%d%s}}
                """.formatted(eventId, memberId, memberId, purchases, contentPoints, behaviourPoints,
                currentTier == null ? "" : ",\"currentTier\":\"" + currentTier + "\"");
    }

    static String metrics(String eventId, UUID groupId, double messagesPerDay, double activeMemberRatio,
            Integer lifespanHours) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.qunyun.campaign.group.metrics.reported.v1",
                 "source":"/campaign-service","time":"2026-11-21T10:00:00Z","subject":"%s","datacontenttype":"application/json",
                 "data":{"groupId":"%s","groupType":"LEAD","messagesPerDay":%s,"activeMemberRatio":%s,
                         "checkInRate":0.5,"conversions":4,"ageHours":100%s}}
                """.formatted(eventId, groupId, groupId, messagesPerDay, activeMemberRatio,
                lifespanHours == null ? "" : ",\"lifespanHours\":" + lifespanHours);
    }

    @Test
    void growthIsDecidedAndTheSameEventAgainWithTheSameDecisionId() throws Exception {
        String eventId = UUID.randomUUID().toString();
        UUID memberId = UUID.randomUUID();
        String event = growth(eventId, memberId, 20, 0, 0, "ACTIVE");
        publish("member-growth", memberId.toString(), event);
        publish("member-growth", memberId.toString(), event);

        List<ConsumerRecord<String, String>> mine = await(tierDecisions, r -> memberId.toString().equals(r.key()), 2);
        JsonNode first = JSON.readTree(mine.get(0).value());
        String expectedId = UUID.nameUUIDFromBytes(("tier:" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        assertEquals(expectedId, first.get("id").asText());
        assertEquals(expectedId, JSON.readTree(mine.get(1).value()).get("id").asText(), "same event, same decision id");
        assertEquals("io.qunyun.rules.tier.decided.v1", first.get("type").asText());
        assertEquals(memberId.toString(), first.get("subject").asText());
        JsonNode data = first.get("data");
        assertEquals(2000, data.get("growthValue").asInt());
        assertEquals("CORE", data.get("tier").asText());
        assertEquals(3, data.get("rank").asInt());
        assertEquals("PROMOTE", data.get("change").asText());
        assertEquals("T06 core", data.get("firedRules").get(3).asText());
        assertEquals(eventId, data.get("growthEventId").asText());
        assertEquals("Tiers", data.get("table").asText());
    }

    @Test
    void metricsAreDecidedWithTheDecidingRow() throws Exception {
        String eventId = UUID.randomUUID().toString();
        UUID groupId = UUID.randomUUID();
        publish("group-metrics", groupId.toString(), metrics(eventId, groupId, 30, 0.1, 48));

        JsonNode event = JSON.readTree(await(healthDecisions, r -> groupId.toString().equals(r.key()), 1).get(0).value());
        assertEquals(UUID.nameUUIDFromBytes(("group-health:" + eventId).getBytes(StandardCharsets.UTF_8)).toString(),
                event.get("id").asText());
        assertEquals("io.qunyun.rules.group-health.decided.v1", event.get("type").asText());
        assertEquals(groupId.toString(), event.get("subject").asText());
        JsonNode data = event.get("data");
        assertEquals("DISSOLVE", data.get("verdict").asText());
        assertEquals("H02 lifespan over", data.get("decidedBy").asText());
        assertTrue(data.get("pastLifespan").asBoolean());
        assertTrue(data.get("reviveKind") == null, "no revive kind outside REVIVE");
        assertEquals("LEAD", data.get("groupType").asText());
    }

    @Test
    void poisonRecordsGoToTheirDeadLetterTopicsAndConsumptionContinues() throws Exception {
        String notJsonKey = "poison-" + UUID.randomUUID();
        UUID badMember = UUID.randomUUID();
        UUID badGroup = UUID.randomUUID();
        String negative = growth(UUID.randomUUID().toString(), badMember, -1, 0, 0, null);
        String ratioTooHigh = metrics(UUID.randomUUID().toString(), badGroup, 3, 1.5, null);
        UUID goodMember = UUID.randomUUID();
        UUID goodGroup = UUID.randomUUID();

        publish("member-growth", notJsonKey, "not JSON at all");
        publish("member-growth", badMember.toString(), negative);
        publish("group-metrics", badGroup.toString(), ratioTooHigh);
        publish("member-growth", goodMember.toString(), growth(UUID.randomUUID().toString(), goodMember, 0, 0, 10, null));
        publish("group-metrics", goodGroup.toString(), metrics(UUID.randomUUID().toString(), goodGroup, 3, 0.5, null));

        ConsumerRecord<String, String> notJson = await(deadLetters, r -> notJsonKey.equals(r.key()), 1).get(0);
        assertEquals("not JSON at all", notJson.value(), "dead letter keeps the original value");
        assertEquals("member-growth", header(notJson, "dead-letter-topic"));
        assertTrue(reason(notJson).contains("not JSON"), reason(notJson));

        ConsumerRecord<String, String> negativeDead = await(deadLetters, r -> badMember.toString().equals(r.key()), 1).get(0);
        assertEquals(negative, negativeDead.value());
        assertEquals("invalid member growth: data.purchases must be greater than or equal to 0", reason(negativeDead));

        ConsumerRecord<String, String> ratioDead = await(deadLetters, r -> badGroup.toString().equals(r.key()), 1).get(0);
        assertEquals("group-metrics", header(ratioDead, "dead-letter-topic"));
        assertEquals("invalid group metrics: data.activeMemberRatio must be less than or equal to 1", reason(ratioDead));

        JsonNode tier = JSON.readTree(await(tierDecisions, r -> goodMember.toString().equals(r.key()), 1).get(0).value());
        assertEquals("NEWBIE", tier.get("data").get("tier").asText());
        assertTrue(tier.get("data").get("change") == null, "no current tier, no change field");
        JsonNode health = JSON.readTree(await(healthDecisions, r -> goodGroup.toString().equals(r.key()), 1).get(0).value());
        assertEquals("REVIVE", health.get("data").get("verdict").asText());
        assertEquals("RED_PACKET", health.get("data").get("reviveKind").asText());
        assertEquals("H08 quiet group", health.get("data").get("decidedBy").asText());
    }

    static void publish(String topic, String key, String value) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(topic, key, value)).awaitCompletion(TIMEOUT);
    }
}
