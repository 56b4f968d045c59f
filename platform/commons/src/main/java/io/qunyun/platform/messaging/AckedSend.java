package io.qunyun.platform.messaging;

import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends one record through an emitter and tells when the broker acknowledged (or refused) it. */
final class AckedSend {

    private AckedSend() {
    }

    static <T> CompletableFuture<Void> send(Emitter<T> emitter, T value, OutgoingKafkaRecordMetadata<String> metadata) {
        return send(emitter, value, metadata, null);
    }

    /** @param tracing the trace to continue (the producer span's parent); null for the current one */
    static <T> CompletableFuture<Void> send(Emitter<T> emitter, T value, OutgoingKafkaRecordMetadata<String> metadata,
            TracingMetadata tracing) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            Message<T> message = Message.of(value).addMetadata(metadata);
            emitter.send((tracing == null ? message : message.addMetadata(tracing))
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException e) {
            // e.g. the emitter's buffer is full while the broker is unreachable
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
