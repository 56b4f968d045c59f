package io.qunyun.campaign.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.campaign.domain.lifecycle.Roster;

/** The roster (table group_member), in plain JDBC. */
@ApplicationScoped
public class RosterStore implements Roster {

    private final Jdbc jdbc;

    RosterStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void memberJoined(UUID membershipId, UUID groupId, UUID memberId, boolean staff, String layer,
            Instant joinedAt) {
        jdbc.update("""
                INSERT INTO group_member (membership_id, group_id, member_id, staff, layer, joined_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (membership_id) DO UPDATE SET staff = excluded.staff, layer = coalesce(excluded.layer, group_member.layer)
                """, membershipId, groupId, memberId, staff, layer, joinedAt);
    }

    @Override
    public void memberLeft(UUID membershipId, UUID groupId, UUID memberId, boolean staff, String layer,
            Instant joinedAt, Instant leftAt) {
        jdbc.update("""
                INSERT INTO group_member (membership_id, group_id, member_id, staff, layer, joined_at, left_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (membership_id) DO UPDATE SET left_at = excluded.left_at
                """, membershipId, groupId, memberId, staff, layer, joinedAt == null ? leftAt : joinedAt, leftAt);
    }

    @Override
    public void memberChanged(UUID membershipId, String layer) {
        if (layer != null) {
            jdbc.update("UPDATE group_member SET layer = ? WHERE membership_id = ?", layer, membershipId);
        }
    }

    /** Non-staff members in the group at some time of each local day (joined before its end, not left before its start). */
    @Override
    public List<long[]> membersPerDay(UUID groupId, String zone, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT d::date - ?::date, (SELECT count(*) FROM group_member m
                        WHERE m.group_id = ? AND NOT m.staff
                          AND m.joined_at < ((d + interval '1 day')::timestamp AT TIME ZONE ?)
                          AND (m.left_at IS NULL OR m.left_at >= (d::timestamp AT TIME ZONE ?)))
                FROM generate_series(?::date, ?::date, interval '1 day') d ORDER BY d
                """, rs -> new long[] { rs.getLong(1), rs.getLong(2) }, from, groupId, zone, zone, from, to);
    }
}
