package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;


/** Applies tier decisions: stores the tier, its benefits and its history, and announces real changes. */
@ApplicationScoped
public class TierService {

    public enum Outcome {
        CHANGED, UNCHANGED, ALREADY_APPLIED, UNKNOWN_MEMBER
    }

    private final Members members;
    private final TierDecisions decisions;
    private final TierPublisher events;
    private final Clock clock;

    TierService(Members members, TierDecisions decisions, TierPublisher events,
            Clock clock) {
        this.members = members;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Idempotent on the decision id: a redelivered decision finds its row in member_tier_decision and
     * changes nothing. The member's row lock orders this against a concurrent decision of the same member.
     */
    @Transactional
    public Outcome apply(TierDecision decision) {
        return applyAll(List.of(decision)).get(0);
    }

    /**
     * {@link #apply} for many decisions in one transaction, in order. A fixed number of round trips per poll
     * (docs/performance.md): read the members and which decisions were applied before, one batch of decision
     * rows; tier updates and change events only for the decisions that move something.
     *
     * <p>Most decisions confirm the tier a member has: they only add a decision row. Only the members whose
     * tier or benefits a decision moves are locked (in id order) and read again under the lock; the others are
     * not locked at all. Locking every member of a poll made the reward-decision consumers, which lock the
     * same members to credit them, wait for this transaction (docs/performance-log.md, "A slower machine, lock
     * waits and one statement per list"). Under a
     * member's lock no other transaction applies a decision of that member, so what was applied before cannot
     * change until commit; an unlocked decision row that another transaction stored meanwhile (a duplicate
     * delivery to two instances during a rebalance) is reported as applied before, and changed nothing.
     */
    @Transactional
    public List<Outcome> applyAll(List<TierDecision> decisions) {
        List<UUID> ids = decisions.stream().map(TierDecision::memberId).distinct().toList();
        java.util.Map<UUID, Member> current = new java.util.HashMap<>();
        for (Member member : members.snapshots(ids)) {
            current.put(member.id, member);
        }
        java.util.Set<UUID> applied = this.decisions.appliedAmong(
                decisions.stream().filter(d -> current.containsKey(d.memberId())).map(TierDecision::decisionId).toList());
        java.util.Set<UUID> movers = movers(decisions, current, applied);
        if (!movers.isEmpty()) {
            // lock, then read again: the snapshot above may be older than another transaction's tier change
            java.util.Set<UUID> locked = members.lockExisting(movers);
            current.keySet().removeIf(id -> movers.contains(id) && !locked.contains(id));
            for (Member member : members.snapshots(locked)) {
                current.put(member.id, member);
            }
            applied = this.decisions.appliedAmong(decisions.stream().filter(d -> current.containsKey(d.memberId()))
                    .map(TierDecision::decisionId).toList());
            java.util.Set<UUID> after = movers(decisions, current, applied);
            if (!locked.containsAll(after)) {
                // another transaction moved a tier between the two reads: retried (StoreRetry) from the start
                throw new IllegalStateException("a tier changed while its decisions were read; retrying");
            }
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Outcome> outcomes = new java.util.ArrayList<>(decisions.size());
        List<TierDecisions.Applied> rows = new java.util.ArrayList<>();
        List<Integer> rowOutcome = new java.util.ArrayList<>();
        for (TierDecision decision : decisions) {
            Member member = current.get(decision.memberId());
            if (member == null) {
                outcomes.add(Outcome.UNKNOWN_MEMBER);
            } else if (!applied.add(decision.decisionId())) {
                outcomes.add(Outcome.ALREADY_APPLIED);
            } else {
                outcomes.add(applyLocked(decision, member, now, rows));
                rowOutcome.add(outcomes.size() - 1);
            }
        }
        boolean[] stored = this.decisions.insertAll(rows);
        for (int i = 0; i < stored.length; i++) {
            if (!stored[i]) {
                if (outcomes.get(rowOutcome.get(i)) != Outcome.UNCHANGED) {
                    throw new IllegalStateException("tier decision " + rows.get(i).decisionId()
                            + " was stored by another transaction while its member was locked");
                }
                outcomes.set(rowOutcome.get(i), Outcome.ALREADY_APPLIED);
            }
        }
        return outcomes;
    }

    /** The members a decision of this batch would move (tier or benefits), applying them in order in memory. */
    private static java.util.Set<UUID> movers(List<TierDecision> decisions, java.util.Map<UUID, Member> current,
            java.util.Set<UUID> applied) {
        java.util.Map<UUID, String[]> state = new java.util.HashMap<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>(applied);
        java.util.Set<UUID> movers = new java.util.TreeSet<>();
        for (TierDecision decision : decisions) {
            Member member = current.get(decision.memberId());
            if (member == null || !seen.add(decision.decisionId())) {
                continue;
            }
            String[] tierAndBenefits = state.computeIfAbsent(member.id, id -> new String[] { member.tier, member.tierBenefits });
            if (!decision.tier().equals(tierAndBenefits[0]) || !decision.benefits().equals(tierAndBenefits[1])) {
                movers.add(member.id);
                tierAndBenefits[0] = decision.tier();
                tierAndBenefits[1] = decision.benefits();
            }
        }
        return movers;
    }

    private Outcome applyLocked(TierDecision decision, Member member, Instant now,
            List<TierDecisions.Applied> rows) {
        String previousTier = member.tier;
        String previousBenefits = member.tierBenefits;
        boolean changed = !decision.tier().equals(previousTier);
        rows.add(new TierDecisions.Applied(decision.decisionId(), decision.memberId(), decision.tier(),
                previousTier, changed, decision.benefits(), decision.growthValue(), decision.firedRules(),
                decision.tableVersion(), now));
        if (changed || !decision.benefits().equals(previousBenefits)) {
            // benefits may be reworded in the table without a tier change: show the current wording
            members.setTier(member.id, decision.tier(), decision.benefits(), changed ? now : null);
            member.tier = decision.tier();
            member.tierBenefits = decision.benefits();
        }
        if (!changed) {
            return Outcome.UNCHANGED;
        }
        events.changed(member.id, previousTier, decision, now);
        return Outcome.CHANGED;
    }

    @Transactional
    public List<TierDecisions.Applied> history(UUID memberId) {
        if (!members.exists(memberId)) {
            throw new MemberNotFoundException(memberId);
        }
        return decisions.changesOf(members.survivorOf(memberId));
    }
}
