package io.qunyun.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;


/**
 * A dead letter the broker does not acknowledge is sent again until it is, and only the letters not yet acknowledged
 * are: the consumer waits instead of failing its channel (which needed a restart to consume again).
 */
class DeadLettersTest {

    /** Refuses the first {@code refusals} sends, acknowledges the others; remembers what was sent. */
    static final class Broker implements Emitter<byte[]> {
        final List<Message<byte[]>> sent = new ArrayList<>();
        int refusals;

        Broker(int refusals) {
            this.refusals = refusals;
        }

        @Override
        public <M extends Message<? extends byte[]>> void send(M message) {
            @SuppressWarnings("unchecked")
            Message<byte[]> m = (Message<byte[]>) message;
            sent.add(m);
            if (refusals > 0) {
                refusals--;
                m.nack(new IllegalStateException("broker unreachable"));
            } else {
                m.ack();
            }
        }

        @Override
        public CompletionStage<Void> send(byte[] msg) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    private static StoreRetry retry() {
        return new StoreRetry(new StoreRetryConfig() {
            @Override
            public Duration retryBackoff() {
                return Duration.ofMillis(1);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(2);
            }
        }, new SimpleMeterRegistry());
    }

    @Test
    void lettersTheBrokerRefusedAreSentAgainUntilAcknowledged() throws Exception {
        Broker broker = new Broker(1);
        ConsumerRecord<String, byte[]> first = new ConsumerRecord<>("reward-decisions", 2, 41L, "m-1", bytes("{oops"));
        ConsumerRecord<String, byte[]> second = new ConsumerRecord<>("tier-decisions", 0, 7L, "m-2", bytes("{}"));

        new DeadLetters(broker, retry()).deliver(List.of(new DeadLetters.Letter(first, "value is not JSON", null),
                new DeadLetters.Letter(second, "unknown member m-2", null)));

        // the refused first letter went again; the acknowledged second did not
        assertEquals(List.of("reward-decisions-dlq", "tier-decisions-dlq", "reward-decisions-dlq"),
                broker.sent.stream().map(m -> metadata(m).getTopic()).toList());
        Message<byte[]> resent = broker.sent.get(2);
        assertEquals("m-1", metadata(resent).getKey());
        assertEquals("{oops", new String(resent.getPayload(), StandardCharsets.UTF_8));
        assertEquals("value is not JSON", header(resent, "dead-letter-reason"));
        assertEquals("reward-decisions", header(resent, "dead-letter-topic"));
        assertEquals("2", header(resent, "dead-letter-partition"));
        assertEquals("41", header(resent, "dead-letter-offset"));
    }

    @SuppressWarnings("unchecked")
    private static OutgoingKafkaRecordMetadata<String> metadata(Message<byte[]> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
    }

    private static String header(Message<byte[]> message, String name) {
        return new String(metadata(message).getHeaders().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
