package io.qunyun.campaign;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft broker inside the test JVM: no Docker needed. Started once and shared
 * by every test class that declares it (restrictToAnnotatedClass = false).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

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
