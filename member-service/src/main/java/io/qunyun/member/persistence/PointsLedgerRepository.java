package io.qunyun.member.persistence;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import io.qunyun.member.domain.RewardDecision;

/** The append-only points ledger: there is deliberately no update or delete here. */
@ApplicationScoped
public class PointsLedgerRepository implements PanacheRepository<LedgerEntry> {

    /**
     * Appends the decision unless its activity was credited before (redelivery, duplicate publish)
     * and, only if appended, adds its points to the member's balance, in the caller's transaction.
     *
     * @return true if the decision was appended
     */
    public boolean appendIfAbsent(RewardDecision decision) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            int inserted;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO points_ledger (member_id, activity_id, decision_id, activity_type, points, reason,
                                               fired_rules, table_version, occurred_at, credited_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                    ON CONFLICT (activity_id) DO NOTHING""")) {
                Array firedRules = connection.createArrayOf("text", decision.firedRules().toArray());
                insert.setObject(1, decision.memberId());
                insert.setObject(2, decision.activityId());
                insert.setObject(3, decision.decisionId());
                insert.setString(4, decision.activityType());
                insert.setInt(5, decision.points());
                insert.setString(6, decision.reason());
                insert.setArray(7, firedRules);
                insert.setString(8, decision.tableVersion());
                if (decision.occurredAt() == null) {
                    insert.setNull(9, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setObject(9, decision.occurredAt().atOffset(ZoneOffset.UTC));
                }
                inserted = insert.executeUpdate();
            }
            if (inserted == 1 && decision.points() != 0) {
                try (PreparedStatement credit = connection.prepareStatement(
                        "UPDATE members SET points_balance = points_balance + ? WHERE id = ?")) {
                    credit.setLong(1, decision.points());
                    credit.setObject(2, decision.memberId());
                    credit.executeUpdate();
                }
            }
            return inserted == 1;
        });
    }

    /** Newest first. */
    public List<LedgerEntry> newestOf(UUID memberId, int limit) {
        return find("memberId", Sort.descending("creditedAt", "id"), memberId)
                .page(Page.ofSize(limit))
                .list();
    }
}
