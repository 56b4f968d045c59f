package io.qunyun.member.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.member.persistence.MemberRepository;
import io.qunyun.member.persistence.PointsLedgerRepository;

@ApplicationScoped
public class LedgerService {

    private final MemberRepository members;
    private final PointsLedgerRepository ledger;

    LedgerService(MemberRepository members, PointsLedgerRepository ledger) {
        this.members = members;
        this.ledger = ledger;
    }

    /** @param unknownMember decisions not credited because their member does not exist here */
    public record CreditResult(int credited, int alreadyCredited, List<RewardDecision> unknownMember) {
    }

    /**
     * Credits a batch of decisions in one transaction. Each activity is credited at most once
     * (the ledger's unique activity_id), so replays and duplicates change nothing, and the balance
     * moves by exactly the points of the rows appended. Decisions worth 0 points are recorded
     * too: the ledger then shows "nothing earned, because ..." with the rules that fired.
     */
    @Transactional
    public CreditResult credit(List<RewardDecision> decisions) {
        Set<UUID> known = members.existingIds(decisions.stream().map(RewardDecision::memberId).distinct().toList());
        List<RewardDecision> unknown = new ArrayList<>();
        int credited = 0;
        int duplicates = 0;
        for (RewardDecision decision : decisions) {
            if (!known.contains(decision.memberId())) {
                unknown.add(decision);
            } else if (ledger.appendIfAbsent(decision)) {
                credited++;
            } else {
                duplicates++;
            }
        }
        return new CreditResult(credited, duplicates, unknown);
    }

    @Transactional
    public PointsStatement statement(UUID memberId, int limit) {
        var member = members.findByIdOptional(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
        return new PointsStatement(member, ledger.newestOf(memberId, limit));
    }
}
