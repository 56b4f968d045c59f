package io.qunyun.member.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;


/** Identities of members and merging two records of one person. */
@ApplicationScoped
public class MergeService {

    private final Members members;
    private final PointsLedger ledger;
    private final LedgerService ledgerService;
    private final Clock clock;

    MergeService(Members members, PointsLedger ledger, LedgerService ledgerService, Clock clock) {
        this.members = members;
        this.ledger = ledger;
        this.ledgerService = ledgerService;
        this.clock = clock;
    }

    /** The identities of the member (or of its survivor, when merged), as (sourceSystem, externalId). */
    @Transactional
    public List<String[]> identities(UUID memberId) {
        Member member = members.byId(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
        UUID owner = member.mergedInto == null ? member.id : member.mergedInto;
        return members.identitiesOf(owner).stream().map(row -> new String[] { (String) row[0], (String) row[1] }).toList();
    }

    @Transactional
    public void addIdentity(UUID memberId, String sourceSystem, String externalId) {
        Member member = members.byId(memberId).orElseThrow(() -> new MemberNotFoundException(memberId));
        UUID owner = member.mergedInto == null ? member.id : member.mergedInto;
        if (!members.addIdentity(owner, sourceSystem, externalId, Instant.now(clock).truncatedTo(ChronoUnit.MICROS))) {
            throw new IdentityTakenException(sourceSystem, externalId);
        }
    }

    /**
     * Merges {@code fromId} into {@code survivorId}: the balance and growth move by two TRANSFER ledger
     * rows (out of the merged record, into the survivor), identities move, the merged record stays (its
     * ledger and activities are history) and resolves to the survivor from now on.
     */
    @Transactional
    public Member merge(UUID survivorId, UUID fromId) {
        if (survivorId.equals(fromId)) {
            throw new MergeConflictException("a member cannot be merged into itself");
        }
        for (UUID id : List.of(survivorId, fromId)) {
            if (!members.exists(id)) {
                throw new MemberNotFoundException(id);
            }
        }
        members.lockForUpdate(Set.of(survivorId, fromId).stream().sorted().toList());
        Member survivor = members.fresh(survivorId).orElseThrow();
        Member from = members.fresh(fromId).orElseThrow();
        if (survivor.mergedInto != null || from.mergedInto != null) {
            throw new MergeConflictException("member " + (from.mergedInto != null ? fromId : survivorId)
                    + " was merged already");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        long balance = from.pointsBalance;
        int points = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, balance));
        String reason = "合并 / Merged " + fromId + " into " + survivorId;
        UUID out = transferId("out", fromId);
        UUID in = transferId("in", fromId);
        ledger.appendIfAbsent(new LedgerPosting(LedgerKind.TRANSFER, fromId, out, out, null, null, null, -points,
                reason, List.of(), null, now, now, false, null, null, null, null, null,
                -from.growthPurchases, -from.growthContentPoints, -from.growthBehaviourPoints));
        ledger.appendIfAbsent(new LedgerPosting(LedgerKind.TRANSFER, survivorId, in, in, null, null, null, points,
                reason, List.of(), null, now, now, false, null, null, null, null, null,
                from.growthPurchases, from.growthContentPoints, from.growthBehaviourPoints));
        members.moveIdentities(fromId, survivorId);
        ledgerService.publishGrowth(Set.of(survivorId), now);
        return members.fresh(survivorId).orElseThrow();
    }

    private static UUID transferId(String direction, UUID fromId) {
        return UUID.nameUUIDFromBytes(("merge-" + direction + ":" + fromId).getBytes(StandardCharsets.UTF_8));
    }
}
