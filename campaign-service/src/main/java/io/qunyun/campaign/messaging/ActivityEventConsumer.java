package io.qunyun.campaign.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

import io.qunyun.platform.events.ActivityRecorded;
import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.InvalidEventException;
import io.qunyun.platform.messaging.DeadLetters;
import io.qunyun.platform.messaging.StoreRetry;
import io.qunyun.platform.config.StorableText;
import io.qunyun.campaign.domain.lifecycle.GroupMetricsService;
import io.qunyun.campaign.domain.lifecycle.GroupMetricsService.ActivityFact;

/**
 * member-activities (from member-service): every activity inside a group becomes one fact of the
 * group's metrics. Idempotent on the event id (group_fact's key); activities outside a group are
 * not a group's business.
 * <p>
 * Consumed a poll at a time (issue 11): most activities are outside any group, and one JTA
 * transaction per record cost more than everything else this service does with them. The group
 * activities of a poll are stored in one transaction with one statement, and a poll without any
 * opens no transaction at all. A record that cannot be read goes to member-activities-dlq with the
 * reason ({@link DeadLetters}) and the rest of the poll goes on. The poll is acknowledged (its
 * offsets become committable, commit-strategy throttled) only when this method returns, i.e. after
 * the facts' commit and after every dead letter was acknowledged: a crash before that means the
 * poll is read again, which the event ids make harmless. While the database is down the write waits
 * in {@link StoreRetry} (the partitions pause) and is stored when it is back; while the broker does not
 * acknowledge a dead letter, {@link DeadLetters} sends it again with the same backoff.
 */
@ApplicationScoped
public class ActivityEventConsumer {

    private static final Logger LOG = Logger.getLogger(ActivityEventConsumer.class);
    /** PostgreSQL's timestamptz and date columns, read from ISO text: years 1 to 9999 only. */
    private static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");
    /** PostgreSQL's numeric: at most 131,072 digits before the point and 16,383 after. */
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_FRACTION_DIGITS = 16_383;

    private final CloudEventReader reader;
    private final GroupMetricsService metrics;
    private final DeadLetters deadLetters;
    private final StoreRetry retry;

    ActivityEventConsumer(CloudEventReader reader, GroupMetricsService metrics, DeadLetters deadLetters,
            StoreRetry retry) {
        this.reader = reader;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    @Incoming(Topics.MEMBER_ACTIVITIES)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws Exception {
        List<ActivityFact> facts = new ArrayList<>();
        List<DeadLetters.Letter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ActivityFact fact = parse(record.value());
                if (fact != null) {
                    facts.add(fact);
                }
            } catch (RuntimeException e) {
                // these two carry the reason; anything else is a defect shown as such
                boolean defect = !(e instanceof IllegalArgumentException || e instanceof InvalidEventException)
                        || e.getMessage() == null;
                rejected.add(new DeadLetters.Letter(record, defect ? "unreadable: " + e : e.getMessage(),
                        defect ? e : null));
            }
        }
        int stored = facts.isEmpty() ? 0
                : retry.call(facts.size() + " group activities", () -> metrics.recordActivities(facts));
        deadLetters.deliver(rejected);
        LOG.debugf("Activities batch: %d records, %d in a group, %d stored, %d dead-lettered", records.count(),
                facts.size(), stored, rejected.size());
    }

    /**
     * @return null for an activity outside a group or of another event type
     * @throws IllegalArgumentException with the reason that goes into the dead letter's header
     */
    ActivityFact parse(byte[] record) {
        CloudEventReader.Envelope envelope = reader.anyEnvelope(record);
        if (envelope.type() != null && !ActivityRecorded.EVENT_TYPE.equals(envelope.type())) {
            return null;
        }
        String id = envelope.requireId();
        ActivityRecorded activity = reader.data(envelope, ActivityRecorded.class, "activity");
        if (activity.groupId() == null) {
            return null;
        }
        require(activity.memberId(), "memberId");
        require(activity.type(), "type");
        require(activity.occurredAt(), "occurredAt");
        if (activity.occurredAt().isBefore(EARLIEST) || activity.occurredAt().isAfter(LATEST)) {
            throw new IllegalArgumentException("data.occurredAt is outside the years 1 to 9999");
        }
        BigDecimal amount = null;
        if (activity.attributes() != null && activity.attributes().amount() != null) {
            try {
                amount = new BigDecimal(activity.attributes().amount());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("data.attributes.amount is not a decimal number");
            }
            if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS || amount.scale() > MAX_FRACTION_DIGITS) {
                throw new IllegalArgumentException("data.attributes.amount is too large to be stored");
            }
        }
        // the facts of a poll are stored together: a value PostgreSQL would refuse must not reach the statement
        if (!StorableText.storable(id) || !StorableText.storable(activity.type())
                || !StorableText.storable(activity.campaignPhase())) {
            throw new IllegalArgumentException("id, data.type or data.campaignPhase " + StorableText.MESSAGE);
        }
        return new ActivityFact(id, activity.groupId(), activity.memberId(), activity.type(), activity.occurredAt(),
                amount, activity.campaignPhase());
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException("data." + field + " is missing");
        }
    }
}
