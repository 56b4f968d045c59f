package io.qunyun.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Port: the points ledger and the balances it moves (implemented by persistence.PointsLedgerRepository). */
public interface PointsLedger {

    /**
     * One day's cap counter: member, activity type, local day. Not per group (issue 23): a cap per group multiplied
     * with every group named, so invented groups were a way around it.
     */
    record DayKey(UUID memberId, String activityType, LocalDate localDay) {
    }

    /** Appends the posting unless its activity has a row; the new row's id, null when it had one. */
    Long appendIfAbsent(LedgerPosting posting);

    /** {@link #appendIfAbsent} for many postings in one statement; per posting: appended. */
    boolean[] appendAllIfAbsent(List<LedgerPosting> postings);

    /** The activity ids among these that have a ledger row already. */
    Set<UUID> presentActivityIds(Collection<UUID> activityIds);

    /** Points credited per day key; keys with no row are absent. Callers hold the members' row locks. */
    Map<DayKey, Long> creditedOnDays(Collection<DayKey> keys);

    List<LedgerEntry> page(UUID memberId, Long afterId, int limit);

    List<LedgerEntry> dueForExpiry(Instant now, int limit);

    long unexpiredCreditsAfter(UUID memberId, long entryId);
}
