package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.member.messaging.Outbox;
import io.qunyun.member.messaging.TierChangedEvents;
import io.qunyun.member.persistence.Member;
import io.qunyun.member.persistence.MemberRepository;
import io.qunyun.member.persistence.TierDecisionRepository;

/** Applies tier decisions: stores the tier, its benefits and its history, and announces real changes. */
@ApplicationScoped
public class TierService {

    public enum Outcome {
        CHANGED, UNCHANGED, ALREADY_APPLIED, UNKNOWN_MEMBER
    }

    private final MemberRepository members;
    private final TierDecisionRepository decisions;
    private final TierChangedEvents events;
    private final Outbox outbox;
    private final Clock clock;

    TierService(MemberRepository members, TierDecisionRepository decisions, TierChangedEvents events, Outbox outbox,
            Clock clock) {
        this.members = members;
        this.decisions = decisions;
        this.events = events;
        this.outbox = outbox;
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
     * {@link #apply} for many decisions in one transaction, in order; the members' locks are taken first.
     * A fixed number of round trips per poll (docs/performance.md): lock and read the members, read which
     * decisions were applied before, one batch of decision rows; tier updates and change events only for
     * the decisions that move something. Under the members' locks no other transaction applies a decision of
     * these members, so what was applied before cannot change until commit.
     */
    @Transactional
    public List<Outcome> applyAll(List<TierDecision> decisions) {
        var known = members.lockExisting(decisions.stream().map(TierDecision::memberId).distinct().toList());
        // read once, kept current in memory while this batch applies (the rows are locked)
        java.util.Map<java.util.UUID, Member> current = new java.util.HashMap<>();
        for (Member member : members.snapshots(known)) {
            current.put(member.id, member);
        }
        java.util.Set<UUID> applied = this.decisions.appliedAmong(
                decisions.stream().filter(d -> known.contains(d.memberId())).map(TierDecision::decisionId).toList());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Outcome> outcomes = new java.util.ArrayList<>(decisions.size());
        List<TierDecisionRepository.Applied> rows = new java.util.ArrayList<>();
        for (TierDecision decision : decisions) {
            Member member = current.get(decision.memberId());
            if (member == null) {
                outcomes.add(Outcome.UNKNOWN_MEMBER);
            } else if (!applied.add(decision.decisionId())) {
                outcomes.add(Outcome.ALREADY_APPLIED);
            } else {
                outcomes.add(applyLocked(decision, member, now, rows));
            }
        }
        this.decisions.insertAll(rows);
        return outcomes;
    }

    private Outcome applyLocked(TierDecision decision, Member member, Instant now,
            List<TierDecisionRepository.Applied> rows) {
        String previousTier = member.tier;
        String previousBenefits = member.tierBenefits;
        boolean changed = !decision.tier().equals(previousTier);
        rows.add(new TierDecisionRepository.Applied(decision.decisionId(), decision.memberId(), decision.tier(),
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
        outbox.enqueue(events.changed(new TierChangedEvents.TierChanged(member.id, decision.tier(), previousTier,
                decision.benefits(), decision.decisionId(), decision.growthValue(), decision.table(),
                decision.tableVersion(), now)));
        return Outcome.CHANGED;
    }

    @Transactional
    public List<TierDecisionRepository.Applied> history(UUID memberId) {
        if (!members.exists(memberId)) {
            throw new MemberNotFoundException(memberId);
        }
        return decisions.changesOf(memberId);
    }
}
