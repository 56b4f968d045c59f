package io.qunyun.member.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.qunyun.member.domain.PointsStatement;
import io.qunyun.member.domain.LedgerEntry;

/**
 * The balance and one page of ledger entries, newest first.
 *
 * @param nextCursor pass as {@code after} for the next (older) page; null on the last page
 */
public record PointsResponse(UUID memberId, long balance, List<Entry> entries, String nextCursor) {

    /**
     * @param kind      REWARD, EXPIRY, REDEMPTION or TRANSFER
     * @param cappedBy  the PointsPolicy row that capped this reward to 0 points; null when not capped
     * @param expiresAt when these points expire (REWARD rows with points &gt; 0)
     * @param refersTo  EXPIRY: the id of the entry whose points expired
     */
    public record Entry(
            long id,
            String kind,
            UUID activityId,
            UUID decisionId,
            String activityType,
            UUID groupId,
            LocalDate localDay,
            int points,
            String reason,
            List<String> firedRules,
            String tableVersion,
            String cappedBy,
            Instant expiresAt,
            Long refersTo,
            Instant occurredAt,
            Instant creditedAt) {

        static Entry of(LedgerEntry entry) {
            return new Entry(entry.id, entry.kind, entry.activityId, entry.decisionId, entry.activityType, entry.groupId,
                    entry.localDay, entry.points, entry.reason,
                    entry.firedRules == null ? List.of() : Arrays.asList(entry.firedRules), entry.tableVersion,
                    entry.cappedBy, entry.expiresAt, entry.refersTo, entry.occurredAt, entry.creditedAt);
        }
    }

    /** @param statement holds up to limit + 1 entries: the extra one only says that there is a next page */
    static PointsResponse of(PointsStatement statement, int limit) {
        List<LedgerEntry> entries = statement.entries();
        String next = null;
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            next = Long.toString(entries.get(limit - 1).id);
        }
        return new PointsResponse(statement.member().id, statement.member().pointsBalance,
                entries.stream().map(Entry::of).toList(), next);
    }
}
