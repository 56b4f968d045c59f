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

    /** {@link #apply} for many decisions in one transaction, in order; the members' locks are taken first. */
    @Transactional
    public List<Outcome> applyAll(List<TierDecision> decisions) {
        var known = members.existingIds(decisions.stream().map(TierDecision::memberId).distinct().toList());
        members.lockForUpdate(known.stream().sorted().toList());
        // read once, kept current in memory while this batch applies (the rows are locked)
        java.util.Map<java.util.UUID, Member> current = new java.util.HashMap<>();
        for (Member member : members.snapshots(known)) {
            current.put(member.id, member);
        }
        List<Outcome> outcomes = new java.util.ArrayList<>(decisions.size());
        for (TierDecision decision : decisions) {
            Member member = current.get(decision.memberId());
            outcomes.add(member == null ? Outcome.UNKNOWN_MEMBER : applyLocked(decision, member));
        }
        return outcomes;
    }

    private Outcome applyLocked(TierDecision decision, Member member) {
        String previousTier = member.tier;
        String previousBenefits = member.tierBenefits;
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        boolean changed = !decision.tier().equals(previousTier);
        boolean inserted = decisions.insertIfAbsent(new TierDecisionRepository.Applied(decision.decisionId(),
                decision.memberId(), decision.tier(), previousTier, changed, decision.benefits(), decision.growthValue(),
                decision.firedRules(), decision.tableVersion(), now));
        if (!inserted) {
            return Outcome.ALREADY_APPLIED;
        }
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
