package io.qunyun.member.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Port: the members table (implemented by persistence.MemberRepository). */
public interface Members {

    Optional<Member> byId(UUID id);

    /** {@link #byId} under a row lock (SELECT … FOR UPDATE), held to the end of the transaction. */
    Optional<Member> lockById(UUID id);

    boolean exists(UUID id);

    /** Inserts unless the id or the (source, external id) identity exists; true when inserted. */
    boolean insertIfAbsent(Member member);

    /** {@link #insertIfAbsent} for many, in one statement, all created at {@code createdAt}; the ids inserted. */
    Set<UUID> insertAllIfAbsent(List<Member> created, Instant createdAt);

    Optional<Member> findBySourceAndExternalId(String sourceSystem, String externalId);

    List<Member> findBySourceAndExternalIds(String sourceSystem, Collection<String> externalIds);

    /** Locks the rows of these members, in the given order. */
    void lockForUpdate(Collection<UUID> ids);

    /** Locks the rows of those of these members that exist; returns their ids. */
    Set<UUID> lockExisting(Collection<UUID> ids);

    /** The member as stored now (balance and growth counters are written by SQL, not by the entity). */
    Optional<Member> fresh(UUID id);

    /** The members as stored now, for their events. */
    List<Member> snapshots(Collection<UUID> ids);

    void setTier(UUID id, String tier, String benefits, Instant changedAt);

    boolean addIdentity(UUID memberId, String sourceSystem, String externalId, Instant at);

    void moveIdentities(UUID from, UUID to);

    /**
     * Of these ids, those merged into another record, each with its survivor (one hop: a merge re-points the records
     * merged into the merged one). Every read and write names a member through this, so a merged id acts on the
     * survivor.
     */
    Map<UUID, UUID> survivorsOf(Collection<UUID> ids);

    /** The survivor of a merged id; any other id itself. */
    default UUID survivorOf(UUID id) {
        return survivorsOf(List.of(id)).getOrDefault(id, id);
    }

    /** The records merged into this survivor (their idempotency keys are the survivor's). */
    List<UUID> mergedInto(UUID survivor);

    /** (source system, external id) rows of the member. */
    List<Object[]> identitiesOf(UUID memberId);
}
