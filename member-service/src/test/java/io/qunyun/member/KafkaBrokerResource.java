package io.qunyun.member;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft broker inside the test JVM: no Docker needed. Started once and shared
 * by every test class that declares it (restrictToAnnotatedClass = false).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The topics member-service reads and writes, created before the service starts, as scripts/infra and
     * k8s/base/kafka-topics.yaml create them in front of production brokers. Left to auto-creation, a topic
     * appears when its first client asks for it, and a test consumer subscribed at that moment can miss a
     * partition's records until its next metadata refresh (RewardLedgerTest once saw 2 of 3 dead letters).
     */
    static final List<String> TOPICS = List.of("member-activities", "member-growth", "member-stage-changes",
            "membership-events", "reward-decisions", "reward-decisions-dlq", "tier-decisions", "tier-decisions-dlq",
            "group-changes", "group-changes-dlq", "campaign-phase-changed", "campaign-phase-changed-dlq");

    private static EmbeddedKafkaBroker broker;

    @Override
    public synchronized Map<String, String> start() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker()
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(p -> {
                        p.put("num.partitions", "3");
                        p.put("offsets.topic.num.partitions", "1");
                        p.put("group.initial.rebalance.delay.ms", "0");
                    })
                    .start();
            try (KafkaCompanion admin = new KafkaCompanion(bootstrapServers(broker.getAdvertisedListeners()))) {
                for (String topic : TOPICS) {
                    admin.topics().createAndWait(topic, 3, Duration.ofSeconds(30));
                }
            }
        }
        return Map.of("kafka.bootstrap.servers", bootstrapServers(broker.getAdvertisedListeners()));
    }

    /**
     * The broker reports listeners as "PLAINTEXT://localhost:1234"; clients expect host:port pairs.
     * (kafka-clients happens to tolerate the scheme, but other tools reading the config may not.)
     */
    static String bootstrapServers(String advertisedListeners) {
        return Arrays.stream(advertisedListeners.split(","))
                .map(String::strip)
                .map(listener -> listener.contains("://") ? listener.substring(listener.indexOf("://") + 3) : listener)
                .collect(Collectors.joining(","));
    }

    @Override
    public void stop() {
        // The broker lives as long as the JVM: Quarkus restarts between test profiles would otherwise
        // lose committed offsets and topics that other test classes rely on.
    }
}
