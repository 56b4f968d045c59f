package io.qunyun.member;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Builds and publishes the events rules-service and campaign-service would send (not a test itself). */
final class PointsTestSupport {

    static final String CHECK_IN_POLICY = """
            {"maxPerDay":1,"capRule":"C01 one credited check-in a day","growthInput":"BEHAVIOUR",\
            "expiresAfterDays":180,"expiryRule":"E01 newcomers' points last half a year","table":"PointsPolicy",\
            "tableVersion":"sha256:5e0a"}""";

    static final String PURCHASE_POLICY = """
            {"maxPerDay":null,"capRule":"C04 purchases uncapped","growthInput":"PURCHASES",\
            "expiresAfterDays":180,"expiryRule":"E01 newcomers' points last half a year","table":"PointsPolicy",\
            "tableVersion":"sha256:5e0a"}""";

    private PointsTestSupport() {
    }

    static String decisionIdOf(String activityId) {
        return UUID.nameUUIDFromBytes(("reward:" + activityId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A reward decision as rules-service publishes it; policy may be null (older publishers). */
    static String rewardDecision(String memberId, String activityId, String type, String groupId, String occurredAt,
            int points, boolean penalty, String policy) {
        return """
                {"specversion":"1.0","id":"%1$s","type":"io.qunyun.rules.reward.decided.v1",\
                "source":"/rules-service","time":"2026-11-21T08:15:00.120Z","subject":"%2$s",\
                "datacontenttype":"application/json","data":{"decisionId":"%1$s","activityId":"%3$s",\
                "memberId":"%2$s","activityType":"%4$s",%5$s"occurredAt":"%6$s",\
                "points":%7$d,"basePoints":%7$d,"multiplier":1,"reason":"reason of R99","badge":null,\
                "penalty":%8$s,"expel":false,"firedRules":["R99"],"table":"Rewards","tableVersion":"sha256:9c1d",\
                "policy":%9$s}}"""
                .formatted(decisionIdOf(activityId), memberId, activityId, type,
                        groupId == null ? "" : "\"groupId\":\"" + groupId + "\",", occurredAt, points, penalty,
                        policy == null ? "null" : policy);
    }

    static void publish(KafkaCompanion kafka, String topic, String key, String... values) {
        kafka.produceStrings().fromRecords(
                java.util.Arrays.stream(values).map(v -> new ProducerRecord<>(topic, key, v)).toList())
                .awaitCompletion();
    }
}
