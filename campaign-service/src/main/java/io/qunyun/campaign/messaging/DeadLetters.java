package io.qunyun.campaign.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a rejected record, unchanged, to {@code <its topic>-dlq} with the reason in the same
 * dead-letter-* headers as SmallRye's dead-letter-queue strategy (docs/events.md), as member-service's
 * {@code messaging/DeadLetters} does. Batch consumers need it: the failure strategy acts on a whole
 * batch, while one poison record must be set aside without holding back or dropping the others.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String CHANNEL = "dead-letters";

    private final Emitter<byte[]> emitter;

    DeadLetters(@Channel(CHANNEL) Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** @return completes when the broker acknowledged the dead letter */
    public CompletableFuture<Void> send(ConsumerRecord<String, byte[]> record, String reason, Throwable cause) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", utf8(reason));
        headers.add("dead-letter-cause", utf8(cause == null ? reason : cause.toString()));
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
