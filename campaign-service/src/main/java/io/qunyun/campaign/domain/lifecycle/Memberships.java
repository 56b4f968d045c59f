package io.qunyun.campaign.domain.lifecycle;

import java.util.UUID;

/**
 * The membership writes of the group lifecycle, done by member-service (it owns memberships and
 * admission). A port: the member adapter does them over REST. Both are idempotent on member-service's
 * side, so a repeated call after a crash is safe.
 */
public interface Memberships {

    /**
     * Ends the memberships still open in a dissolved or transferred group (only those of {@code memberIds}
     * unless null); @return how many ended
     */
    int close(UUID groupId, String kind, String reason, UUID successorGroupId, java.util.List<UUID> memberIds);

    /**
     * Invites a member into the successor group (its admission rules decide).
     *
     * @return how the invitation settled, or null when member-service cannot answer now (open invitations wait)
     */
    InviteOutcome invite(UUID targetGroupId, UUID memberId, UUID fromGroupId);

    /** @param status JOINED, PENDING_REVIEW or REFUSED */
    record InviteOutcome(String status, String detail) {
    }
}
