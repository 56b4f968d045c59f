package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.qunyun.member.domain.audit.AuditActions;
import io.qunyun.platform.audit.AuditLog;

/** The points mall: the catalogue and redeeming its rewards against the balance. */
@ApplicationScoped
public class RedemptionService {

    /** @param created false when the idempotency key was used before and this is the original redemption */
    public record Redeemed(Redemption redemption, CatalogueReward reward, long balance, boolean created) {
    }

    private final Members members;
    private final Catalogue catalogue;
    private final Redemptions redemptions;
    private final PointsLedger ledger;
    private final Clock clock;
    private final AuditLog audit;

    RedemptionService(Members members, Catalogue catalogue, Redemptions redemptions,
            PointsLedger ledger, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.members = members;
        this.catalogue = catalogue;
        this.redemptions = redemptions;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public CatalogueReward addReward(String code, String name, int cost) {
        CatalogueReward reward = new CatalogueReward();
        reward.id = UUID.randomUUID();
        reward.code = code;
        reward.name = name;
        reward.cost = cost;
        reward.active = true;
        reward.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (!catalogue.insertIfAbsent(reward)) {
            throw new DuplicateRewardException(code);
        }
        audit.record(AuditActions.REWARD_CREATED, reward.id, AuditLog.detail("code", code, "name", name, "cost", cost));
        return reward;
    }

    @Transactional
    public List<CatalogueReward> rewards() {
        return catalogue.listByCode();
    }

    /**
     * Spends the reward's cost. Overspending is impossible however many requests race: the member's row
     * is locked (SELECT ... FOR UPDATE) before the balance is read, so concurrent redemptions (and
     * credits, expiries) of one member run one after the other, each seeing the balance the previous one
     * left. A short balance is a 409 and writes nothing.
     *
     * @throws InsufficientPointsException when the balance does not cover the cost
     */
    @Transactional
    public Redeemed redeem(UUID sentId, UUID rewardId, String idempotencyKey) {
        if (!members.exists(sentId)) {
            throw new MemberNotFoundException(sentId);
        }
        // a merged record spends its survivor's balance (issue 23); merges lock the survivor too, so the lock below
        // serialises us with them
        UUID memberId = members.survivorOf(sentId);
        CatalogueReward reward = catalogue.byId(rewardId).filter(r -> r.active)
                .orElseThrow(() -> new RewardNotFoundException(rewardId));
        members.lockForUpdate(Set.of(memberId));
        var previous = previousRedemption(memberId, idempotencyKey);
        Member member = members.fresh(memberId).orElseThrow();
        if (previous.isPresent() && !previous.get().rewardId.equals(rewardId)) {
            throw new IdempotencyKeyReusedException("idempotencyKey", "was used to redeem another reward ("
                    + previous.get().rewardId + "); send a new key for a new redemption");
        }
        if (previous.isPresent()) {
            return new Redeemed(previous.get(), catalogue.byId(previous.get().rewardId).orElse(null), member.pointsBalance, false);
        }
        if (member.pointsBalance < reward.cost) {
            throw new InsufficientPointsException(member.pointsBalance, reward.cost);
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Redemption redemption = new Redemption();
        redemption.id = UUID.randomUUID();
        redemption.memberId = memberId;
        redemption.rewardId = reward.id;
        redemption.cost = reward.cost;
        redemption.idempotencyKey = idempotencyKey;
        redemption.redeemedAt = now;
        redemptions.save(redemption);
        ledger.appendIfAbsent(new LedgerPosting(LedgerKind.REDEMPTION, memberId, redemption.id, redemption.id, null,
                null, null, -reward.cost, "兑换 / Redeemed " + reward.code + " " + reward.name, List.of(), null, now,
                now, false, null, null, null, null, null, 0, 0, 0));
        // a replay of the idempotency key (above) made nothing and records nothing
        audit.record(AuditActions.REDEMPTION_MADE, redemption.id, AuditLog.detail("memberId", memberId, "rewardId",
                reward.id, "rewardCode", reward.code, "cost", reward.cost));
        return new Redeemed(redemption, reward, member.pointsBalance - reward.cost, true);
    }

    /** The redemption of this key by the member or by a record merged into it: keys travel with a merge. */
    private Optional<Redemption> previousRedemption(UUID memberId, String idempotencyKey) {
        Optional<Redemption> own = redemptions.findByKey(memberId, idempotencyKey);
        if (own.isPresent()) {
            return own;
        }
        for (UUID merged : members.mergedInto(memberId)) {
            Optional<Redemption> theirs = redemptions.findByKey(merged, idempotencyKey);
            if (theirs.isPresent()) {
                return theirs;
            }
        }
        return Optional.empty();
    }
}
