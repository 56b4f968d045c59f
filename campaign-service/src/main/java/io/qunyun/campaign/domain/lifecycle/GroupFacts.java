package io.qunyun.campaign.domain.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The activity facts of groups and their counts per day, span and phase (a port: persistence stores and
 * counts them).
 */
public interface GroupFacts {

    /** An activity fact to store, its local day already in the group's zone. */
    record ActivityRow(String eventId, UUID groupId, UUID memberId, String kind, Instant occurredAt,
            LocalDate localDay, BigDecimal amount, String campaignPhase) {
    }

    /**
     * Stores the activity facts of a whole poll with one statement (arrays unnested: one round trip and
     * one plan, whatever the number of facts). Staff is decided per fact as the member's membership of the
     * group at that instant (a staff membership held then); the event id keeps a fact stored once.
     *
     * @return facts stored now; the others were stored before (duplicate or redelivery)
     */
    int recordActivities(List<ActivityRow> rows, Instant receivedAt);

    /** @return false when the event was stored before (duplicate or redelivery) */
    boolean recordFact(String eventId, UUID groupId, UUID memberId, String kind, boolean staff,
            Instant occurredAt, LocalDate localDay, BigDecimal amount, String campaignPhase, Instant receivedAt);

    /** Counts of one span of local days (staff excluded everywhere but in spam). */
    record FactCounts(LocalDate day, String phase, long interactions, long checkIns, long purchases,
            BigDecimal revenue, long activeMembers, long convertedMembers, long joins, long exits, long spam,
            long activities, long shares) {
    }

    /** One row per local day that has facts. */
    List<FactCounts> daily(UUID groupId, LocalDate from, LocalDate to, String[] activeKinds,
            String[] convertedKinds);

    /** The whole span at once (distinct members over the span, not summed per day). */
    FactCounts span(UUID groupId, LocalDate from, LocalDate to, String[] activeKinds, String[] convertedKinds);

    /** Per campaign phase (the phase member-service stamped on each activity) over a span. */
    List<FactCounts> byPhase(UUID groupId, LocalDate from, LocalDate to, String[] activeKinds,
            String[] convertedKinds);
}
