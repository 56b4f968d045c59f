package io.qunyun.campaign.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

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
    static final String RECORDED = "io.qunyun.member.activity.recorded.v1";
    /** PostgreSQL's timestamptz and date columns, read from ISO text: years 1 to 9999 only. */
    private static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");
    /** PostgreSQL's numeric: at most 131,072 digits before the point and 16,383 after. */
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_FRACTION_DIGITS = 16_383;

    private final ObjectMapper json;
    private final GroupMetricsService metrics;
    private final DeadLetters deadLetters;
    private final StoreRetry retry;

    ActivityEventConsumer(ObjectMapper json, GroupMetricsService metrics, DeadLetters deadLetters, StoreRetry retry) {
        this.json = json;
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
                // IllegalArgumentException carries the reason; anything else is a defect shown as such
                String reason = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
                        : "unreadable: " + e;
                rejected.add(new DeadLetters.Letter(record, reason, e instanceof IllegalArgumentException ? null : e));
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
        if (record == null || record.length == 0) {
            throw new IllegalArgumentException("not JSON: the record has no value");
        }
        JsonNode root;
        try {
            root = json.readTree(record);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a CloudEvents JSON object");
        }
        String id = text(root, "id");
        if (root.hasNonNull("type") && !RECORDED.equals(root.get("type").asText())) {
            return null;
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("data is missing");
        }
        if (!data.hasNonNull("groupId")) {
            return null;
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(text(data, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("data.occurredAt is not an ISO instant");
        }
        if (occurredAt.isBefore(EARLIEST) || occurredAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("data.occurredAt is outside the years 1 to 9999");
        }
        BigDecimal amount = null;
        JsonNode attributes = data.get("attributes");
        if (attributes != null && attributes.hasNonNull("amount")) {
            try {
                amount = new BigDecimal(attributes.get("amount").asText());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("data.attributes.amount is not a decimal number");
            }
            if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS || amount.scale() > MAX_FRACTION_DIGITS) {
                throw new IllegalArgumentException("data.attributes.amount is too large to be stored");
            }
        }
        String phase = data.hasNonNull("campaignPhase") ? data.get("campaignPhase").asText() : null;
        // the facts of a poll are stored together: a value PostgreSQL would refuse must not reach the statement
        if (!StorableText.storable(id) || !StorableText.storable(text(data, "type")) || !StorableText.storable(phase)) {
            throw new IllegalArgumentException("id, data.type or data.campaignPhase " + StorableText.MESSAGE);
        }
        return new ActivityFact(id, uuid(data, "groupId"), uuid(data, "memberId"), text(data, "type"), occurredAt,
                amount, phase);
    }

    private static UUID uuid(JsonNode node, String field) {
        try {
            return UUID.fromString(text(node, field));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(field)) {
                throw e; // "<field> is missing"
            }
            throw new IllegalArgumentException("data." + field + " is not a UUID");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.asText();
    }
}
