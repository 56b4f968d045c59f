package io.qunyun.member.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import io.qunyun.member.persistence.CommunityGroup;
import io.qunyun.member.persistence.CommunityGroupRepository;

/**
 * Keeps the group replica from campaign-service's group-changes. Idempotent: a change is applied only
 * when it is newer than the stored one, so redeliveries and late duplicates change nothing. Records
 * that cannot be read go to group-changes-dlq with the reason; the offset is committed after the
 * replica commit (or the dead letter's ack).
 */
@ApplicationScoped
public class GroupChangeConsumer {

    private static final Logger LOG = Logger.getLogger(GroupChangeConsumer.class);
    public static final String DLQ = "group-changes-dlq";
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

    private final GroupChangeParser parser;
    private final CommunityGroupRepository groups;
    private final Emitter<byte[]> deadLetters;
    private final StoreRetry retry;

    GroupChangeConsumer(GroupChangeParser parser, CommunityGroupRepository groups,
            @Channel(DLQ) Emitter<byte[]> deadLetters, StoreRetry retry) {
        this.retry = retry;
        this.parser = parser;
        this.groups = groups;
        this.deadLetters = deadLetters;
    }

    @Incoming("group-changes")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        CommunityGroup group;
        try {
            group = parser.parse(record.value());
        } catch (InvalidDecisionException e) {
            LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            deadLetter(record, e.getMessage(), e.getCause());
            return;
        }
        boolean changed = retry.call("group " + group.id, () -> QuarkusTransaction.requiringNew().call(() -> groups.upsertIfNewer(group)));
        LOG.debugf("Group %s %s", group.id, changed ? "replicated" : "unchanged (not newer)");
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, Throwable cause) throws Exception {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", utf8(reason));
        headers.add("dead-letter-cause", utf8(cause == null ? reason : cause.toString()));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(DLQ)
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        // waits for the broker: the offset must not move past a record that is in neither place
        AckedSend.send(deadLetters, value, metadata).get(DEAD_LETTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
