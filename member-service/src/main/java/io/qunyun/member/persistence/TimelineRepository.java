package io.qunyun.member.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * A member's history in one list, newest first: activities, ledger entries, memberships begun and
 * ended, and standing changes. Keyset pages on (at, kind, ref), the order of the list.
 */
@ApplicationScoped
public class TimelineRepository {

    /** The position of an entry in the list; the cursor of the next page is the last entry's. */
    public record Position(Instant at, String kind, String ref) {
    }

    public record Entry(Instant at, String kind, String ref, UUID groupId, String type, Integer points, String from,
            String to, String reason, String decidedBy) {

        public Position position() {
            return new Position(at, kind, ref);
        }
    }

    private static final String TIMELINE = """
            SELECT * FROM (
                SELECT occurred_at AS at, 'ACTIVITY' AS kind, CAST(id AS text) AS ref, group_id, type,
                       CAST(NULL AS integer) AS points, CAST(NULL AS text) AS from_value, CAST(NULL AS text) AS to_value,
                       CAST(NULL AS text) AS reason, CAST(NULL AS text) AS decided_by
                FROM activities WHERE member_id = ?
                UNION ALL
                SELECT credited_at, 'POINTS', CAST(id AS text), NULL, activity_type, points, NULL, NULL, reason,
                       array_to_string(fired_rules, ' | ')
                FROM points_ledger WHERE member_id = ?
                UNION ALL
                SELECT joined_at, 'MEMBERSHIP_JOINED', CAST(id AS text), group_id, admitted_via, NULL, NULL, NULL, NULL,
                       NULL
                FROM memberships WHERE member_id = ?
                UNION ALL
                SELECT left_at, 'MEMBERSHIP_ENDED', CAST(id AS text), group_id, exit_kind, NULL, NULL, NULL, exit_reason,
                       exit_reference
                FROM memberships WHERE member_id = ? AND left_at IS NOT NULL
                UNION ALL
                SELECT changed_at, dimension, CAST(id AS text), group_id, NULL, NULL, from_value, to_value, NULL,
                       decided_by
                FROM membership_history WHERE member_id = ?
                UNION ALL
                SELECT applied_at, 'TIER', CAST(decision_id AS text), NULL, NULL, NULL, previous_tier, tier, benefits,
                       array_to_string(fired_rules, ' | ')
                FROM member_tier_decision WHERE member_id = ? AND changed
            ) timeline
            """;

    private final EntityManager entityManager;

    TimelineRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Entry> page(UUID memberId, Position after, int limit) {
        String sql = TIMELINE + (after == null ? "" : "WHERE (at, kind, ref) < (?, ?, ?)\n")
                + "ORDER BY at DESC, kind DESC, ref DESC LIMIT ?";
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                for (; i <= 6; i++) { // one per part of the UNION
                    statement.setObject(i, memberId);
                }
                if (after != null) {
                    statement.setTimestamp(i++, Timestamp.from(after.at()));
                    statement.setString(i++, after.kind());
                    statement.setString(i++, after.ref());
                }
                statement.setInt(i, limit);
                List<Entry> entries = new ArrayList<>(limit);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Timestamp at = rs.getTimestamp("at");
                        entries.add(new Entry(at.toInstant(), rs.getString("kind"), rs.getString("ref"),
                                rs.getObject("group_id", UUID.class), rs.getString("type"), rs.getObject("points", Integer.class),
                                rs.getString("from_value"), rs.getString("to_value"), rs.getString("reason"),
                                rs.getString("decided_by")));
                    }
                }
                return entries;
            }
        });
    }
}
