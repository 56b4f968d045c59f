package io.qunyun.rules;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
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

/** The points loop over the in-JVM broker: member-activities → rules-service → reward-decisions (or the DLQ). */
@QuarkusTest
// Not about authorization (RoleEndpointTest is): every request runs as an admin.
@TestSecurity(user = "test", roles = "admin")
class RewardEventsKafkaTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    static KafkaCompanion companion;
    static ConsumerTask<String, String> decisions;
    static ConsumerTask<String, String> deadLetters;

    @BeforeAll
    static void consume() {
        companion = KafkaBrokerResource.companion();
        decisions = companion.consumeStrings().withGroupId("test-decisions-" + UUID.randomUUID())
                .withAutoCommit().fromTopics("reward-decisions");
        deadLetters = companion.consumeStrings().withGroupId("test-dlq-" + UUID.randomUUID())
                .withAutoCommit().fromTopics("member-activities-dlq");
    }

    @AfterAll
    static void close() {
        decisions.stop();
        deadLetters.stop();
        companion.close();
    }

    @Test
    void decidesAnActivityAndTheSameActivityAgainWithTheSameDecisionId() throws Exception {
        UUID activityId = UUID.randomUUID();
        UUID memberId = UUID.randomUUID();
        UUID groupId = UUID.randomUUID();
        String activity = ActivityEvents.activity(activityId, memberId, "CHECK_IN", groupId);

        publish(memberId.toString(), activity);
        publish(memberId.toString(), activity);

        List<ConsumerRecord<String, String>> mine = await(decisions, r -> memberId.toString().equals(r.key()), 2);
        JsonNode first = JSON.readTree(mine.get(0).value());
        JsonNode second = JSON.readTree(mine.get(1).value());

        String expectedId = UUID.nameUUIDFromBytes(("reward:" + activityId).getBytes(StandardCharsets.UTF_8)).toString();
        assertEquals(expectedId, first.get("id").asText());
        assertEquals(first.get("id").asText(), second.get("id").asText(), "same activity, same decision id");

        assertEquals("1.0", first.get("specversion").asText());
        assertEquals("io.qunyun.rules.reward.decided.v1", first.get("type").asText());
        assertEquals("/rules-service", first.get("source").asText());
        assertEquals(memberId.toString(), first.get("subject").asText());
        assertEquals("application/json", first.get("datacontenttype").asText());
        assertTrue(first.get("time").asText().endsWith("Z"));

        JsonNode data = first.get("data");
        assertEquals(expectedId, data.get("decisionId").asText());
        assertEquals(activityId.toString(), data.get("activityId").asText());
        assertEquals(memberId.toString(), data.get("memberId").asText());
        assertEquals("CHECK_IN", data.get("activityType").asText());
        assertEquals(groupId.toString(), data.get("groupId").asText());
        assertEquals("2026-11-21T08:14:58Z", data.get("occurredAt").asText());
        assertEquals(20, data.get("points").asInt());
        assertEquals(10, data.get("basePoints").asInt());
        assertEquals(2, data.get("multiplier").asInt());
        assertEquals("R02 check-in shared in a group", data.get("firedRules").get(0).asText());
        assertEquals(1, data.get("firedRules").size());
        assertEquals("Rewards", data.get("table").asText());
        assertTrue(data.get("tableVersion").asText().startsWith("sha256:"));
    }

    @Test
    void unknownActivityTypeIsDecidedWithZeroPointsWithoutGroup() throws Exception {
        UUID memberId = UUID.randomUUID();
        publish(memberId.toString(), ActivityEvents.activity(UUID.randomUUID(), memberId, "DANCE", null));
        JsonNode data = JSON.readTree(await(decisions, r -> memberId.toString().equals(r.key()), 1).get(0).value())
                .get("data");
        assertEquals(0, data.get("points").asInt());
        assertEquals(0, data.get("firedRules").size());
        assertEquals("no reward rule matched", data.get("reason").asText());
        assertTrue(data.get("groupId") == null, "no group: no groupId field");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndConsumptionContinues() throws Exception {
        String notJsonKey = "poison-" + UUID.randomUUID();
        UUID noMemberActivity = UUID.randomUUID();
        String noMemberKey = "poison-" + UUID.randomUUID();
        String noMember = ActivityEvents.activity(noMemberActivity, UUID.randomUUID(), "SHARE", null)
                .replaceFirst("\"memberId\":\"[^\"]+\",", "");
        String badIdKey = "poison-" + UUID.randomUUID();
        String badId = ActivityEvents.activity(UUID.randomUUID(), UUID.randomUUID(), "SHARE", null)
                .replaceFirst("\"activityId\":\"[^\"]+\"", "\"activityId\":\"42\"");
        UUID memberId = UUID.randomUUID();

        publish(notJsonKey, "this is not JSON");
        publish(noMemberKey, noMember);
        publish(badIdKey, badId);
        publish(memberId.toString(), ActivityEvents.activity(UUID.randomUUID(), memberId, "PURCHASE", null));

        ConsumerRecord<String, String> notJson = await(deadLetters, r -> notJsonKey.equals(r.key()), 1).get(0);
        assertEquals("this is not JSON", notJson.value(), "dead letter keeps the original value");
        assertTrue(reason(notJson).contains("not JSON"), reason(notJson));
        assertEquals("member-activities", header(notJson, "dead-letter-topic"));

        ConsumerRecord<String, String> missing = await(deadLetters, r -> noMemberKey.equals(r.key()), 1).get(0);
        assertEquals(noMember, missing.value());
        assertTrue(reason(missing).contains("data.memberId is missing"), reason(missing));

        ConsumerRecord<String, String> notUuid = await(deadLetters, r -> badIdKey.equals(r.key()), 1).get(0);
        assertTrue(reason(notUuid).contains("data.activityId is not a UUID"), reason(notUuid));

        JsonNode data = JSON.readTree(await(decisions, r -> memberId.toString().equals(r.key()), 1).get(0).value())
                .get("data");
        assertEquals(50, data.get("points").asInt());
        assertEquals("R05 purchase", data.get("firedRules").get(0).asText());
    }

    @Test
    void offsetsAreCommittedOnceEverythingWasDecidedOrDeadLettered() {
        UUID memberId = UUID.randomUUID();
        publish(memberId.toString(), ActivityEvents.activity(UUID.randomUUID(), memberId, "SHARE", null));
        await(decisions, r -> memberId.toString().equals(r.key()), 1);
        org.awaitility.Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
            List<TopicPartition> partitions = companion.topics().describe("member-activities").get("member-activities")
                    .partitions().stream().map(p -> new TopicPartition("member-activities", p.partition())).toList();
            Map<TopicPartition, Long> end = new java.util.HashMap<>();
            companion.offsets().list(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p,
                    p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).forEach((partition, info) -> end.put(partition, info.offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = companion.consumerGroups().offsets("rules-service");
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                long committedOffset = Optional.ofNullable(committed.get(partition.getKey())).map(OffsetAndMetadata::offset)
                        .orElse(0L);
                assertEquals(partition.getValue(), committedOffset, "committed offset of " + partition.getKey());
            }
        });
    }

    static void publish(String key, String value) {
        companion.produceStrings().fromRecords(new ProducerRecord<>("member-activities", key, value))
                .awaitCompletion(TIMEOUT);
    }

    static List<ConsumerRecord<String, String>> await(ConsumerTask<String, String> task,
            Predicate<ConsumerRecord<String, String>> mine, int count) {
        org.awaitility.Awaitility.await().atMost(TIMEOUT)
                .until(() -> task.getRecords().stream().filter(mine).count() >= count);
        return task.getRecords().stream().filter(mine).toList();
    }

    static String reason(ConsumerRecord<String, String> record) {
        return header(record, "dead-letter-reason");
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, "header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
