package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;


@ApplicationScoped
public class LedgerService {

    private final Members members;
    private final PointsLedger ledger;
    private final GroupTimeZones zones;
    private final GrowthPublisher growthEvents;
    private final Clock clock;

    LedgerService(Members members, PointsLedger ledger, GroupTimeZones zones,
            GrowthPublisher growthEvents, Clock clock) {
        this.members = members;
        this.ledger = ledger;
        this.zones = zones;
        this.growthEvents = growthEvents;
        this.clock = clock;
    }

    /**
     * @param capped        decisions recorded with 0 points because the member reached the day's cap
     * @param unknownMember decisions not credited because their member does not exist here
     */
    public record CreditResult(int credited, int alreadyCredited, int capped, List<RewardDecision> unknownMember) {
    }

    /**
     * Credits a batch of decisions in one transaction. Each activity is credited at most once (the
     * ledger's unique activity_id), so replays and duplicates change nothing, and the balance moves by
     * exactly the points of the rows appended. Decisions worth 0 points are recorded too: the ledger
     * then shows "nothing earned, because ..." with the rules that fired.
     *
     * <p>Daily caps (PointsPolicy table, carried in the decision) are applied here, under the member's
     * row lock taken first: counting the day's credited rows and appending this one cannot interleave
     * with another credit of the same member, whichever consumer or instance runs it. A capped activity
     * is appended with 0 points and the reason "capped by &lt;row&gt;", never dropped.
     */
    @Transactional
    public CreditResult credit(List<RewardDecision> sent) {
        List<RewardDecision> decisions = sent;
        // A whole poll in a handful of round trips (profile in docs/performance.md): which members exist and
        // their row locks (one statement), which activities are credited already, the day's cap counters, one batch of
        // ledger rows, one batch of balance updates, one read of the grown members.
        Set<UUID> known = members.lockExisting(decisions.stream().map(RewardDecision::memberId).distinct().toList());
        // Asked under the locks, so no merge of these records can commit meanwhile: a decision about an activity of a
        // merged record (decided after the merge moved its balance) is the survivor's, or its points would be stranded.
        Map<UUID, UUID> survivors = members.survivorsOf(known);
        if (!survivors.isEmpty()) {
            decisions = decisions.stream().map(d -> survivors.containsKey(d.memberId())
                    ? d.forMember(survivors.get(d.memberId())) : d).toList();
            known = members.lockExisting(decisions.stream().map(RewardDecision::memberId).distinct().toList());
        }
        Set<UUID> locked = known;
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<RewardDecision> unknown = new ArrayList<>();
        // Under the members' locks nobody else appends rows of these members, so what is present now stays
        // true until commit; within the batch a repeated activity counts once.
        Set<UUID> seen = new HashSet<>(ledger.presentActivityIds(
                decisions.stream().filter(d -> locked.contains(d.memberId())).map(RewardDecision::activityId).toList()));
        Map<UUID, ZoneId> zoneOf = new HashMap<>();
        List<RewardDecision> fresh = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        Set<PointsLedger.DayKey> capped = new HashSet<>();
        int duplicates = 0;
        for (RewardDecision decision : decisions) {
            if (!known.contains(decision.memberId())) {
                unknown.add(decision);
            } else if (!seen.add(decision.activityId())) {
                duplicates++;
            } else {
                LocalDate day = localDay(decision, now, zoneOf);
                fresh.add(decision);
                days.add(day);
                if (isCapped(decision)) {
                    capped.add(dayKey(decision, day));
                }
            }
        }
        Map<PointsLedger.DayKey, Long> creditedOnDay = ledger.creditedOnDays(capped);
        List<LedgerPosting> postings = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            RewardDecision decision = fresh.get(i);
            LedgerPosting posting = postingOf(decision, days.get(i), now, creditedOnDay);
            postings.add(posting);
        }
        boolean[] appended = ledger.appendAllIfAbsent(postings);
        Set<UUID> grown = new LinkedHashSet<>();
        int credited = 0;
        int cappedCount = 0;
        for (int i = 0; i < postings.size(); i++) {
            LedgerPosting posting = postings.get(i);
            if (!appended[i]) {
                duplicates++;
                continue;
            }
            credited++;
            if (posting.cappedBy() != null) {
                cappedCount++;
            }
            if (posting.movesGrowth()) {
                grown.add(posting.memberId());
            }
        }
        publishGrowth(grown, now);
        return new CreditResult(credited, duplicates, cappedCount, unknown);
    }

    /**
     * Newest first, strictly older than the cursor {@code after} (a ledger entry id) when given; up to
     * {@code limit + 1} entries, so the caller can tell whether another page follows.
     */
    @Transactional
    public PointsStatement statement(UUID id, Long after, int limit) {
        members.byId(id).orElseThrow(() -> new MemberNotFoundException(id));
        UUID memberId = members.survivorOf(id); // a merged record reads as its survivor (issue 23)
        var member = members.byId(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
        return new PointsStatement(member, ledger.page(memberId, after, limit + 1));
    }

    /** Sends the new growth of these members (in the caller's transaction, through the outbox). */
    void publishGrowth(Set<UUID> memberIds, Instant now) {
        growthEvents.changed(members.snapshots(memberIds), now);
    }

    private LocalDate localDay(RewardDecision decision, Instant now, Map<UUID, ZoneId> zoneOf) {
        Instant when = decision.occurredAt() == null ? now : decision.occurredAt();
        ZoneId zone = decision.groupId() == null ? zones.of(null) : zoneOf.computeIfAbsent(decision.groupId(), zones::of);
        return LocalDate.ofInstant(when, zone);
    }

    private static boolean isCapped(RewardDecision decision) {
        RewardDecision.CreditPolicy policy = decision.policy();
        return policy != null && policy.maxPerDay() != null && decision.points() > 0 && decision.activityType() != null;
    }

    private static PointsLedger.DayKey dayKey(RewardDecision decision, LocalDate day) {
        return new PointsLedger.DayKey(decision.memberId(), decision.activityType(), day);
    }

    /**
     * The row for one decision. {@code creditedOnDay} holds the day's positive rows per cap key as stored
     * before this batch; a capped posting that earns points is counted into it, so later decisions of the
     * same batch see it (the batch is in the order the member's activities arrived).
     */
    private LedgerPosting postingOf(RewardDecision decision, LocalDate localDay, Instant now,
            Map<PointsLedger.DayKey, Long> creditedOnDay) {
        RewardDecision.CreditPolicy policy = decision.policy();
        Instant when = decision.occurredAt() == null ? now : decision.occurredAt();
        int points = decision.points();
        String reason = decision.reason();
        String cappedBy = null;
        if (isCapped(decision)) {
            PointsLedger.DayKey key = dayKey(decision, localDay);
            long sofar = creditedOnDay.getOrDefault(key, 0L);
            if (sofar >= policy.maxPerDay()) {
                cappedBy = policy.capRule();
                reason = "capped by " + policy.capRule() + " (" + policy.maxPerDay() + " a day); the table decided: "
                        + decision.reason();
                points = 0;
            } else {
                creditedOnDay.put(key, sofar + 1);
            }
        }
        String growthInput = policy == null ? null : policy.growthInput();
        Instant expiresAt = policy == null || policy.expiresAfterDays() == null || points <= 0 ? null
                : when.plus(policy.expiresAfterDays(), ChronoUnit.DAYS);
        return new LedgerPosting(LedgerKind.REWARD, decision.memberId(), decision.activityId(), decision.decisionId(),
                decision.activityType(), decision.groupId(), localDay, points, reason, decision.firedRules(),
                decision.tableVersion(), decision.occurredAt(), now, decision.penalty(), growthInput, cappedBy,
                policy == null ? null : policy.tableVersion(), expiresAt, null,
                "PURCHASES".equals(growthInput) && points > 0 ? 1 : 0,
                "CONTENT".equals(growthInput) ? points : 0,
                "BEHAVIOUR".equals(growthInput) ? points : 0);
    }

    /** Growth deltas that undo an expired REWARD row's contribution. */
    static long[] growthUndo(LedgerEntry entry) {
        String input = entry.growthInput;
        return new long[] { "PURCHASES".equals(input) ? -1 : 0, "CONTENT".equals(input) ? -entry.points : 0,
                "BEHAVIOUR".equals(input) ? -entry.points : 0 };
    }
}
