package io.qunyun.member.messaging;


import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

import io.qunyun.platform.messaging.DeadLetters;
import io.qunyun.platform.messaging.StoreRetry;
import io.qunyun.member.domain.CommunityGroup;
import io.qunyun.platform.events.InvalidEventException;

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

    private final GroupChangeParser parser;
    private final CommunityGroupRepository groups;
    private final DeadLetters deadLetters;
    private final StoreRetry retry;

    GroupChangeConsumer(GroupChangeParser parser, CommunityGroupRepository groups,
            DeadLetters deadLetters, StoreRetry retry) {
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
        } catch (InvalidEventException e) {
            deadLetters.deliver(record, e.getMessage(), e.getCause());
            return;
        }
        boolean changed = retry.call("group " + group.id, () -> QuarkusTransaction.requiringNew().call(() -> groups.upsertIfNewer(group)));
        LOG.debugf("Group %s %s", group.id, changed ? "replicated" : "unchanged (not newer)");
    }
}
