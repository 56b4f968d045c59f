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
        if (!members.exists(decision.memberId())) {
            return Outcome.UNKNOWN_MEMBER;
        }
        members.lockForUpdate(List.of(decision.memberId()));
        Member member = members.fresh(decision.memberId()).orElseThrow();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        boolean changed = !decision.tier().equals(member.tier);
        boolean inserted = decisions.insertIfAbsent(new TierDecisionRepository.Applied(decision.decisionId(),
                decision.memberId(), decision.tier(), member.tier, changed, decision.benefits(), decision.growthValue(),
                decision.firedRules(), decision.tableVersion(), now));
        if (!inserted) {
            return Outcome.ALREADY_APPLIED;
        }
        if (changed || !decision.benefits().equals(member.tierBenefits)) {
            // benefits may be reworded in the table without a tier change: show the current wording
            members.setTier(member.id, decision.tier(), decision.benefits(), changed ? now : null);
        }
        if (!changed) {
            return Outcome.UNCHANGED;
        }
        outbox.enqueue(events.changed(new TierChangedEvents.TierChanged(member.id, decision.tier(), member.tier,
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
