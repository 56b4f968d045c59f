package io.qunyun.member.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: group memberships (implemented by persistence.MembershipRepository). */
public interface Memberships {

    /** What one activity adds to its membership's standing facts (see {@link #addActivities}). */
    record ActivityFacts(UUID memberId, UUID groupId, Instant occurredAt, boolean interaction,
            boolean purchase, boolean share, boolean contribution, boolean checkIn) {
    }

    void save(Membership membership);

    Optional<Membership> findOpen(UUID memberId, UUID groupId);

    /** The open membership, row-locked. */
    Optional<Membership> lockOpen(UUID memberId, UUID groupId);

    Optional<Membership> latestEnded(UUID memberId, UUID groupId);

    List<Membership> openOfGroup(UUID groupId, UUID after, int limit);

    List<Membership> lockAllOpenOfGroup(UUID groupId);

    List<Membership> ofMember(UUID memberId);

    boolean isReviewer(UUID memberId, UUID groupId, Collection<String> reviewerRoles);

    boolean hasReviewer(UUID groupId, Collection<String> reviewerRoles);

    /** Open memberships due for a standing evaluation, row-locked, skipping rows locked elsewhere. */
    List<Membership> lockDue(Instant now, int limit);

    /**
     * Of these (member, group, instant) triples, given as parallel lists, the positions whose member held a
     * membership of the group at that instant (joined at or before it, not left by then).
     */
    java.util.Set<Integer> heldAt(List<UUID> memberIds, List<UUID> groupIds, List<Instant> instants);

    /** Adds activities to their open memberships' standing facts and makes those due at {@code dueAt}. */
    void addActivities(List<ActivityFacts> facts, Instant dueAt);
}
