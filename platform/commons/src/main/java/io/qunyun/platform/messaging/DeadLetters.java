package io.qunyun.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends rejected records, unchanged, to {@code <their topic>-dlq} with the reason in the same dead-letter-* headers
 * as SmallRye's dead-letter-queue strategy (docs/events.md), for the batch consumers of a service (one channel,
 * {@value #CHANNEL}: the topic is chosen per record). Batch consumers need it: the failure strategy acts on a whole
 * batch, while one poison record must be set aside without holding back or dropping the others. A consumer's
 * offsets must not move past a record that is in neither place, so {@link #deliver} returns only when the broker
 * acknowledged every letter; while it does not (broker down or slow), the letters not yet acknowledged are sent
 * again with {@link StoreRetry}'s backoff, as a database write would be: the consumer waits and its partitions
 * pause, and the channel does not fail, so it resumes when the broker is back, without a restart. A letter can
 * then arrive twice (at least once).
 */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "dead-letters";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    /** A rejected record and why. */
    public record Letter(ConsumerRecord<String, byte[]> record, String reason, Throwable cause) {
    }

    private final Emitter<byte[]> emitter;
    private final StoreRetry retry;

    DeadLetters(@Channel(CHANNEL) Emitter<byte[]> emitter, StoreRetry retry) {
        this.emitter = emitter;
        this.retry = retry;
    }

    /** One letter; see {@link #deliver(List)}. */
    public void deliver(ConsumerRecord<String, byte[]> record, String reason, Throwable cause) throws InterruptedException {
        deliver(List.of(new Letter(record, reason, cause)));
    }

    /** Logs and sends the letters; returns once the broker acknowledged each of them. */
    public void deliver(List<Letter> letters) throws InterruptedException {
        if (letters.isEmpty()) {
            return;
        }
        for (Letter letter : letters) {
            ConsumerRecord<String, byte[]> record = letter.record();
            LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), letter.reason());
        }
        List<Letter> pending = new ArrayList<>(letters);
        retry.call(letters.size() + " dead letters", () -> {
            List<CompletableFuture<Void>> acks = pending.stream().map(this::send).toList();
            long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
            List<Letter> refused = new ArrayList<>();
            Exception failure = null;
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    refused.add(pending.get(i));
                    failure = e;
                }
            }
            pending.retainAll(refused);
            if (failure != null) {
                throw new IllegalStateException(refused.size() + " of " + acks.size() + " dead letters not acknowledged",
                        failure instanceof ExecutionException ? failure.getCause() : failure);
            }
            return null;
        });
    }

    private CompletableFuture<Void> send(Letter letter) {
        ConsumerRecord<String, byte[]> record = letter.record();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", utf8(letter.reason()));
        headers.add("dead-letter-cause", utf8(letter.cause() == null ? letter.reason() : letter.cause().toString()));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic() + "-dlq")
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        // A tombstone cannot travel through the emitter; it arrives as an empty value.
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return AckedSend.send(emitter, value, metadata);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
