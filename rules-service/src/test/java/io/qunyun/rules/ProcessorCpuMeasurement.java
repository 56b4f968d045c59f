package io.qunyun.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.qunyun.rules.domain.DecisionCache;
import io.qunyun.testkit.KafkaBrokerResource;

/**
 * CPU time per consumed record of the two Kafka processors (member-activities → reward-decisions, member-growth →
 * tier-decisions), docs/performance-log.md "Kafka processors". A measurement, not a test: named so that Surefire does not
 * run it with the suite; run it on its own (it takes about a minute after the service started):
 *
 * <pre>
 * DB_PORT=5442 ./mvnw -B -pl rules-service test -Dtest=ProcessorCpuMeasurement -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m
 * </pre>
 *
 * For each topic it feeds {@code measure.records} (default 20,000) records through the in-JVM broker as fast as a
 * producer can, waits until as many decisions are on the output topic, and reads the CPU time every thread of the JVM
 * spent meanwhile ({@link ThreadMXBean}): the service's threads (event loops, worker pool, the Kafka connector's
 * polling and sending threads, its producers' network threads) apart from the broker's and the feeder's, which share
 * the JVM. A first round warms the JIT up and is not reported; {@code measure.rounds} (default 3) rounds follow. Per
 * round it prints µs of service CPU per record, the split by thread family, wall time, GC count and pause time, and
 * the decision caches' hits. Then it checks that every consumed offset was committed (the acknowledgement chain
 * completed). The figures go to stdout and to {@code target/processor-cpu.txt}.
 *
 * <p>Inputs: activities of 2,000 members, the type mix of the JMH benchmark (check-ins 40 %, shares and content 20 %
 * each, purchases 10 %, spam and an unknown type 5 % each), 70 % in one of 50 groups, 30 % with context (streak,
 * campaign phase, tier, prior offences). Growth events of the same 2,000 members, each one step further than that
 * member's previous one (a purchase, or 5-30 content or behaviour points), as member-service sends them after a
 * credit: the growth counters only grow, so their inputs rarely repeat.
 */
@QuarkusTest
class ProcessorCpuMeasurement {

    static final int RECORDS = Integer.getInteger("measure.records", 20_000);
    static final int ROUNDS = Integer.getInteger("measure.rounds", 3);
    static final int MEMBERS = 2_000;
    static final String[] PHASES = { "WARM_UP", "BUILD_UP", "CLIMAX", "WRAP_UP" };
    static final String[] TIERS = { "NEWBIE", "ACTIVE", "CORE", "AMBASSADOR" };

    static KafkaProducer<String, String> feed;
    static Admin admin;
    static final List<String> report = new ArrayList<>();

    @Inject
    MeterRegistry registry;

    final Random random = new Random(20261130);
    final List<UUID> members = new ArrayList<>();
    final List<UUID> groups = new ArrayList<>();
    final Map<UUID, int[]> growth = new HashMap<>();

    @BeforeAll
    static void clients() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "measure-feed");
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        feed = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "measure-admin"));
        // topics are created on first use; the output topics must exist before their end offsets are read
        for (String topic : List.of("member-activities", "member-growth", "reward-decisions", "tier-decisions")) {
            try {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 3, (short) 1))).all().get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw new IllegalStateException(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterAll
    static void close() throws IOException {
        feed.close();
        admin.close();
        Path out = Path.of("target", "processor-cpu.txt");
        Files.write(out, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void cpuPerRecord() throws Exception {
        for (int i = 0; i < MEMBERS; i++) {
            members.add(UUID.randomUUID());
        }
        for (int i = 0; i < 50; i++) {
            groups.add(UUID.randomUUID());
        }
        line("# %s  %d CPUs  load average %s  max heap %d MB  %d records a round", Instant.now(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.getRuntime().maxMemory() >> 20, RECORDS);
        for (int round = 0; round <= ROUNDS; round++) {
            measure(round, "member-activities", "reward-decisions", this::activity);
            measure(round, "member-growth", "tier-decisions", this::growthEvent);
        }
        for (String topic : List.of("member-activities", "member-growth")) {
            awaitCommitted(topic); // the acknowledgement chain completed for every record
        }
        line("# load average after: %s", loadAverage());
    }

    interface Source {
        ProducerRecord<String, String> next(String topic);
    }

    void measure(int round, String topic, String output, Source source) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            records.add(source.next(topic));
        }
        long target = endOffsets(output) + RECORDS;
        Map<String, Long> hitsBefore = cacheCounts("hit");
        Map<String, Long> missesBefore = cacheCounts("miss");
        Map<Long, ThreadCpu> before = threadCpu();
        long[] gcBefore = gc();
        long start = System.nanoTime();
        for (ProducerRecord<String, String> record : records) {
            feed.send(record);
        }
        feed.flush();
        while (endOffsets(output) < target) {
            Thread.sleep(20);
        }
        long wallNanos = System.nanoTime() - start;
        long[] gcAfter = gc();
        Map<Long, ThreadCpu> after = threadCpu();
        Map<String, Long> byFamily = new TreeMap<>();
        for (Map.Entry<Long, ThreadCpu> thread : after.entrySet()) {
            ThreadCpu earlier = before.get(thread.getKey());
            long nanos = thread.getValue().nanos() - (earlier == null ? 0 : earlier.nanos());
            byFamily.merge(family(thread.getValue().name()), nanos, Long::sum);
        }
        long service = byFamily.entrySet().stream().filter(e -> isService(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        long all = byFamily.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> hits = cacheCounts("hit");
        Map<String, Long> misses = cacheCounts("miss");
        String caches = hits.keySet().stream().sorted().map(table -> table + " " + (hits.get(table) - hitsBefore.getOrDefault(table, 0L))
                + " hits / " + (misses.getOrDefault(table, 0L) - missesBefore.getOrDefault(table, 0L)) + " misses")
                .collect(Collectors.joining(", "));
        String split = byFamily.entrySet().stream().filter(e -> isService(e.getKey()) && e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f", e.getKey(), micros(e.getValue())))
                .collect(Collectors.joining(", "));
        line("%s round %d %-17s service CPU %6.1f µs/record (all JVM threads %6.1f) | %5.2f s wall, %6.0f records/s | GC %d, %d ms | %s | %s",
                round == 0 ? "warm-up" : "measured", round, topic, micros(service), micros(all), wallNanos / 1e9,
                RECORDS / (wallNanos / 1e9), gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], split, caches);
    }

    double micros(long nanos) {
        return nanos / 1_000.0 / RECORDS;
    }

    ProducerRecord<String, String> activity(String topic) {
        UUID member = members.get(random.nextInt(MEMBERS));
        UUID id = UUID.randomUUID();
        int pick = random.nextInt(100);
        String type = pick < 40 ? "CHECK_IN" : pick < 60 ? "SHARE" : pick < 80 ? "CONTENT_POST" : pick < 90 ? "PURCHASE"
                : pick < 95 ? "AD_SPAM" : "LIKE";
        StringBuilder data = new StringBuilder().append("{\"activityId\":\"").append(id).append("\",\"memberId\":\"")
                .append(member).append("\",\"type\":\"").append(type).append('"');
        if (random.nextInt(10) < 7) {
            data.append(",\"groupId\":\"").append(groups.get(random.nextInt(groups.size()))).append('"');
        }
        data.append(",\"occurredAt\":\"2026-11-30T08:14:58Z\",\"idempotencyKey\":\"k-").append(id).append('"');
        if (random.nextInt(10) < 3) { // with context
            if (type.equals("CHECK_IN")) {
                data.append(",\"streakDays\":").append(1 + random.nextInt(30));
            }
            if (random.nextBoolean()) {
                data.append(",\"campaignPhase\":\"").append(PHASES[random.nextInt(PHASES.length)]).append('"');
            }
            if (random.nextInt(3) == 0) {
                data.append(",\"memberTier\":\"").append(TIERS[random.nextInt(TIERS.length)]).append('"');
            }
            data.append(",\"priorOffences\":").append(type.equals("AD_SPAM") ? random.nextInt(5) : 0);
        }
        data.append('}');
        return new ProducerRecord<>(topic, member.toString(), envelope(id.toString(), "io.qunyun.member.activity.recorded.v1",
                member, data.toString()));
    }

    ProducerRecord<String, String> growthEvent(String topic) {
        UUID member = members.get(random.nextInt(MEMBERS));
        int[] counters = growth.computeIfAbsent(member, m -> new int[3]);
        int kind = random.nextInt(10);
        if (kind == 0) {
            counters[0]++;
        } else if (kind < 4) {
            counters[1] += 5 * (1 + random.nextInt(6));
        } else {
            counters[2] += 5 * (1 + random.nextInt(3));
        }
        String data = "{\"memberId\":\"%s\",\"purchases\":%d,\"contentPoints\":%d,\"behaviourPoints\":%d,\"currentTier\":\"%s\"}"
                .formatted(member, counters[0], counters[1], counters[2], TIERS[Math.min(3, (counters[1] + counters[2]) / 200)]);
        return new ProducerRecord<>(topic, member.toString(), envelope(UUID.randomUUID().toString(),
                "io.qunyun.member.growth.changed.v1", member, data));
    }

    static String envelope(String id, String type, UUID subject, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"source\":\"/member-service\","
                + "\"time\":\"2026-11-30T08:15:00Z\",\"subject\":\"" + subject + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + data + "}";
    }

    record ThreadCpu(String name, long nanos) {
    }

    static Map<Long, ThreadCpu> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, ThreadCpu> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), new ThreadCpu(info.getThreadName(), nanos));
                }
            }
        }
        return cpu;
    }

    /** A thread's name without its number: one line per family. */
    static String family(String name) {
        if (name.startsWith("kafka-producer-network-thread | ")) {
            return "producer " + name.substring("kafka-producer-network-thread | ".length());
        }
        return name.replaceAll("-?\\d+", "");
    }

    /** The service's own threads; the rest of the JVM is the broker, the feeder and the JVM's housekeeping. */
    static boolean isService(String family) {
        return family.startsWith("vert.x-eventloop") || family.startsWith("executor-thread")
                || family.startsWith("smallrye-kafka") || family.startsWith("producer kafka-producer-");
    }

    static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] { count, millis };
    }

    Map<String, Long> cacheCounts(String result) {
        Map<String, Long> counts = new HashMap<>();
        for (FunctionCounter counter : registry.find(DecisionCache.METRIC).tag("result", result).functionCounters()) {
            counts.merge(counter.getId().getTag("table"), (long) counter.count(), Long::sum);
        }
        return counts;
    }

    static long endOffsets(String topic) throws Exception {
        return latest(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    static Map<TopicPartition, Long> latest(String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get()
                .forEach((partition, info) -> end.put(partition, info.offset()));
        return end;
    }

    static void awaitCommitted(String topic) throws Exception {
        Map<TopicPartition, Long> end = latest(topic);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("rules-service")
                    .partitionsToOffsetAndMetadata().get();
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                OffsetAndMetadata offset = committed.get(partition.getKey());
                assertEquals(partition.getValue(), offset == null ? 0L : offset.offset(), "committed offset of " + partition.getKey());
            }
        });
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    static void line(String format, Object... args) {
        String text = String.format(java.util.Locale.ROOT, format, args);
        System.out.println(text);
        report.add(text);
    }
}
