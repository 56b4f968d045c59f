package io.qunyun.testkit;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft broker inside the test JVM: no Docker needed. Started once per JVM and shared by
 * every test class of the module: each service declares it once, unrestricted
 * ({@code @QuarkusTestResource(KafkaBrokerResource.class)} on one class), so that every {@code @QuarkusTest}
 * sees the same resources and Quarkus boots once per profile.
 *
 * <p>The one per-service difference is a parameter: {@value #TOPICS} (init arg, comma-separated), the topics
 * created before the service starts, as scripts/infra and k8s/base/kafka-topics.yaml create them in front of
 * production brokers. Left to auto-creation, a topic appears when its first client asks for it, and a test
 * consumer subscribed at that moment can miss a partition's records until its next metadata refresh
 * (member-service's RewardLedgerTest once saw 2 of 3 dead letters).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the topics to create (comma-separated), each with {@value #PARTITIONS} partitions. */
    public static final String TOPICS = "topics";
    static final int PARTITIONS = 3;

    private static EmbeddedKafkaBroker broker;
    private static final Set<String> CREATED = new HashSet<>();

    private List<String> topics = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        topics = Arrays.stream(initArgs.getOrDefault(TOPICS, "").split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList();
    }

    @Override
    public Map<String, String> start() {
        synchronized (KafkaBrokerResource.class) {
            if (broker == null) {
                broker = newBroker();
            }
            List<String> missing = topics.stream().filter(t -> !CREATED.contains(t)).toList();
            if (!missing.isEmpty()) {
                try (KafkaCompanion admin = new KafkaCompanion(bootstrapServers())) {
                    Set<String> existing = admin.topics().list();
                    for (String topic : missing) {
                        if (!existing.contains(topic)) {
                            create(admin, topic);
                        }
                    }
                }
                CREATED.addAll(missing);
            }
            return Map.of("kafka.bootstrap.servers", bootstrapServers());
        }
    }

    /**
     * Creates a topic and waits for it. Idempotent: each profile's Quarkus restart runs this resource again (in
     * a class loader of its own, so with a fresh {@code CREATED}), and an admin request that timed out on a
     * loaded machine may have created the topic anyway.
     */
    private static void create(KafkaCompanion admin, String topic) {
        try {
            admin.topics().createAndWait(topic, PARTITIONS, Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TopicExistsException) {
                    return;
                }
            }
            throw e;
        }
    }

    @Override
    public void stop() {
        // The broker lives as long as the JVM: Quarkus restarts between test profiles would otherwise
        // lose committed offsets and topics that other test classes rely on.
    }

    /**
     * A started broker with the settings every test of the platform uses: three partitions per topic (as in
     * production, so ordering per key is really tested), one partition for consumer offsets and no initial
     * rebalance delay (a test consumer joins at once). The integration tests start their own with this.
     */
    public static EmbeddedKafkaBroker newBroker() {
        return new EmbeddedKafkaBroker()
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(p -> {
                    p.put("num.partitions", String.valueOf(PARTITIONS));
                    p.put("offsets.topic.num.partitions", "1");
                    p.put("group.initial.rebalance.delay.ms", "0");
                })
                .start();
    }

    /** Bootstrap servers of the shared broker, for test clients. */
    public static String bootstrapServers() {
        synchronized (KafkaBrokerResource.class) {
            if (broker == null) {
                throw new IllegalStateException("The Kafka broker has not been started");
            }
            return bootstrapServers(broker.getAdvertisedListeners());
        }
    }

    /**
     * A companion (test producer/consumer) on the broker the application under test uses, read from its
     * configuration (the class loader that runs a test need not be the one that started this resource); the
     * caller closes it.
     */
    public static KafkaCompanion companion() {
        return new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /**
     * The broker reports listeners as "PLAINTEXT://localhost:1234"; clients expect host:port pairs.
     * (kafka-clients happens to tolerate the scheme, but other tools reading the config may not.)
     */
    public static String bootstrapServers(String advertisedListeners) {
        return Arrays.stream(advertisedListeners.split(","))
                .map(String::strip)
                .map(listener -> listener.contains("://") ? listener.substring(listener.indexOf("://") + 3) : listener)
                .collect(Collectors.joining(","));
    }
}
