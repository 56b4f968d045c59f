package io.qunyun.member.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a rejected record, unchanged, to {@code <its topic>-dlq} with the reason in headers (the same
 * headers as reward-decisions-dlq). One channel serves the consumers added later (campaign-phase-changed,
 * tier-decisions): the topic is chosen per record.
 */
@ApplicationScoped
public class DeadLetters {

    private final Emitter<byte[]> emitter;

    DeadLetters(@Channel("dead-letters") Emitter<byte[]> emitter) {
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
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return AckedSend.send(emitter, value, metadata);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
