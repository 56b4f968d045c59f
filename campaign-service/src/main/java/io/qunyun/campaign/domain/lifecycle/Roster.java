package io.qunyun.campaign.domain.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who was in a group when, as replicated from member-service's membership events (a port: persistence
 * stores it).
 */
public interface Roster {

    void memberJoined(UUID membershipId, UUID groupId, UUID memberId, boolean staff, String layer,
            Instant joinedAt);

    void memberLeft(UUID membershipId, UUID groupId, UUID memberId, boolean staff, String layer,
            Instant joinedAt, Instant leftAt);

    void memberChanged(UUID membershipId, String layer);

    /** Non-staff members in the group at some time of each local day (joined before its end, not left before its start). */
    List<long[]> membersPerDay(UUID groupId, String zone, LocalDate from, LocalDate to);
}
