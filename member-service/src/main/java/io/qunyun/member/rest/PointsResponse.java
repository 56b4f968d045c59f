package io.qunyun.member.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.qunyun.member.domain.PointsStatement;
import io.qunyun.member.persistence.LedgerEntry;

/** The balance and the newest ledger entries (newest first). */
public record PointsResponse(UUID memberId, long balance, List<Entry> entries) {

    public record Entry(
            UUID activityId,
            UUID decisionId,
            String activityType,
            int points,
            String reason,
            List<String> firedRules,
            String tableVersion,
            Instant occurredAt,
            Instant creditedAt) {

        static Entry of(LedgerEntry entry) {
            return new Entry(entry.activityId, entry.decisionId, entry.activityType, entry.points, entry.reason,
                    entry.firedRules == null ? List.of() : Arrays.asList(entry.firedRules), entry.tableVersion,
                    entry.occurredAt, entry.creditedAt);
        }
    }

    static PointsResponse of(PointsStatement statement) {
        return new PointsResponse(statement.member().id, statement.member().pointsBalance,
                statement.entries().stream().map(Entry::of).toList());
    }
}
