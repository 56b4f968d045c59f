package io.qunyun.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import io.qunyun.member.domain.TierDecision;
import io.qunyun.member.domain.TierService;
import io.qunyun.member.domain.TierService.Outcome;

/**
 * A tier decision that confirms the member's tier does not wait for the member's row lock (a credit of the
 * same member holds it); one that moves the tier does, and is applied once the lock is released.
 */
@QuarkusTest
@TestSecurity(user = "test", roles = "admin")
class TierLockTest {

    private static final String BENEFITS = "积分商城兑换、每月抽奖 / Points mall redemption and a monthly prize draw";

    @Inject
    TierService tiers;

    @Inject
    DataSource db;

    @Test
    void onlyADecisionThatMovesTheTierWaitsForTheMembersLock() throws Exception {
        UUID member = UUID.fromString(TestData.newMember());
        assertEquals(List.of(Outcome.CHANGED), tiers.applyAll(List.of(decision(member, "ACTIVE"))));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = db.getConnection()) {
            // what a credit of this member holds until it commits
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM members WHERE id = ? FOR NO KEY UPDATE")) {
                lock.setObject(1, member);
                lock.executeQuery().close();
            }
            Future<List<Outcome>> same = pool.submit(() -> tiers.applyAll(List.of(decision(member, "ACTIVE"))));
            assertEquals(List.of(Outcome.UNCHANGED), same.get(30, TimeUnit.SECONDS),
                    "the same tier again is applied while another transaction holds the member's lock");
            Future<List<Outcome>> moving = pool.submit(() -> tiers.applyAll(List.of(decision(member, "CORE"))));
            Thread.sleep(1000);
            assertFalse(moving.isDone(), "a tier change waits for the member's lock");
            holder.rollback();
            assertEquals(List.of(Outcome.CHANGED), moving.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private static TierDecision decision(UUID member, String tier) {
        return new TierDecision(UUID.randomUUID(), member, tier, BENEFITS, 120L, List.of("T01"), "Tiers", "sha256:4b7e");
    }
}
