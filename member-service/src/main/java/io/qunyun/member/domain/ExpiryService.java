package io.qunyun.member.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.qunyun.member.config.ExpiryConfig;

/**
 * Expires credited points whose time has come (expires_at, set at crediting from the PointsExpiry row
 * the reward decision carried), as new negative EXPIRY rows: the ledger stays append-only.
 *
 * <p>What expires is what is left of the credit, first in first out: spending uses the oldest points
 * first, so of a member's balance the newest unexpired credits are kept and the rest belongs to older
 * credits. Growth loses the whole credit (growth counts earning, not the balance). Idempotent: the
 * EXPIRY row's activity id is derived from the expired row, so a second run (or a second instance)
 * appends nothing.
 */
@ApplicationScoped
public class ExpiryService {

    private static final Logger LOG = Logger.getLogger(ExpiryService.class);

    private final PointsLedger ledger;
    private final Members members;
    private final LedgerService ledgerService;
    private final ExpiryConfig config;
    private final Clock clock;

    ExpiryService(PointsLedger ledger, Members members, LedgerService ledgerService,
            ExpiryConfig config, Clock clock) {
        this.ledger = ledger;
        this.members = members;
        this.ledgerService = ledgerService;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "points-expiry", every = "${qunyun.expiry.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            int expired = expireDue();
            if (expired > 0) {
                LOG.infof("Expired %d credits", expired);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Points expiry run failed; the next run retries");
        }
    }

    /** @return EXPIRY rows appended, as of the clock's now */
    public int expireDue() {
        int total = 0;
        int appended;
        do {
            appended = QuarkusTransaction.requiringNew().call(this::expireBatch);
            total += Math.max(appended, 0);
        } while (appended == config.batchSize());
        return total;
    }

    private int expireBatch() {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<LedgerEntry> due = ledger.dueForExpiry(now, config.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        Set<UUID> memberIds = new LinkedHashSet<>();
        due.forEach(entry -> memberIds.add(entry.memberId));
        members.lockForUpdate(memberIds.stream().sorted().toList());
        int appended = 0;
        for (LedgerEntry entry : due) {
            long balance = members.fresh(entry.memberId).orElseThrow().pointsBalance;
            long keptForNewer = ledger.unexpiredCreditsAfter(entry.memberId, entry.id);
            int unspent = (int) Math.max(0, Math.min(entry.points, balance - keptForNewer));
            long[] growth = LedgerService.growthUndo(entry);
            UUID expiryId = UUID.nameUUIDFromBytes(("expiry:" + entry.id).getBytes(StandardCharsets.UTF_8));
            Long id = ledger.appendIfAbsent(new LedgerPosting(LedgerKind.EXPIRY, entry.memberId, expiryId, expiryId,
                    entry.activityType, entry.groupId, null, -unspent,
                    "积分过期 / Points expired: " + unspent + " of " + entry.points + " credited "
                            + entry.creditedAt.truncatedTo(ChronoUnit.SECONDS) + " were unspent",
                    List.of(), entry.policyVersion, entry.expiresAt, now, false, entry.growthInput, null,
                    entry.policyVersion, null, entry.id, growth[0], growth[1], growth[2]));
            if (id != null) {
                appended++;
            }
        }
        ledgerService.publishGrowth(memberIds, now);
        return due.size() == config.batchSize() ? config.batchSize() : appended;
    }
}
