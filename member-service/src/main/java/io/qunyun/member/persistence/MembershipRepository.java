package io.qunyun.member.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import io.qunyun.member.domain.Membership;
import io.qunyun.member.domain.Memberships;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, UUID>, Memberships {

    public Optional<Membership> findOpen(UUID memberId, UUID groupId) {
        return find("memberId = ?1 and groupId = ?2 and leftAt is null", memberId, groupId).firstResultOptional();
    }

    /** The open membership, locked until the transaction ends (a concurrent exit or standing change waits). */
    public Optional<Membership> lockOpen(UUID memberId, UUID groupId) {
        return find("memberId = ?1 and groupId = ?2 and leftAt is null", memberId, groupId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The member's most recent ended membership of the group: what the Admission table judges a rejoin by. */
    public Optional<Membership> latestEnded(UUID memberId, UUID groupId) {
        return find("memberId = ?1 and groupId = ?2 and leftAt is not null", Sort.descending("leftAt"), memberId, groupId)
                .firstResultOptional();
    }

    /** Open memberships of a group after {@code after} in id order (keyset page; {@code after} null = from the start). */
    public List<Membership> openOfGroup(UUID groupId, UUID after, int limit) {
        var query = after == null
                ? find("groupId = ?1 and leftAt is null", Sort.ascending("id"), groupId)
                : find("groupId = ?1 and leftAt is null and id > ?2", Sort.ascending("id"), groupId, after);
        return query.page(Page.ofSize(limit)).list();
    }

    /** Every open membership of the group, locked: a group closing ends them all. */
    public List<Membership> lockAllOpenOfGroup(UUID groupId) {
        return find("groupId = ?1 and leftAt is null", Sort.ascending("id"), groupId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** All memberships of a member, open and ended, newest first. */
    public List<Membership> ofMember(UUID memberId) {
        return find("memberId", Sort.descending("joinedAt", "id"), memberId).list();
    }

    /** Whether the member holds an open staff membership of the group with one of the reviewer roles. */
    public boolean isReviewer(UUID memberId, UUID groupId, Collection<String> reviewerRoles) {
        if (reviewerRoles.isEmpty()) {
            return false;
        }
        Number found = (Number) getEntityManager().createNativeQuery("""
                SELECT count(*) FROM memberships
                WHERE member_id = :member AND group_id = :group AND left_at IS NULL AND staff
                  AND roles && CAST(:roles AS text[])""")
                .setParameter("member", memberId)
                .setParameter("group", groupId)
                .setParameter("roles", "{" + String.join(",", reviewerRoles) + "}")
                .getSingleResult();
        return found.longValue() > 0;
    }

    /** Whether the group has any open reviewer (a group without one accepts its first reviewer unaided). */
    public boolean hasReviewer(UUID groupId, Collection<String> reviewerRoles) {
        if (reviewerRoles.isEmpty()) {
            return false;
        }
        Number found = (Number) getEntityManager().createNativeQuery("""
                SELECT count(*) FROM memberships
                WHERE group_id = :group AND left_at IS NULL AND staff AND roles && CAST(:roles AS text[])""")
                .setParameter("group", groupId)
                .setParameter("roles", "{" + String.join(",", reviewerRoles) + "}")
                .getSingleResult();
        return found.longValue() > 0;
    }

    /**
     * Open memberships due for a standing evaluation, locked; rows another worker holds are skipped.
     */
    @SuppressWarnings("unchecked")
    public List<Membership> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM memberships
                WHERE left_at IS NULL AND next_standing_check_at <= :now
                ORDER BY next_standing_check_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""", Membership.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Adds activities to their (open) memberships' standing facts and makes those memberships due at
     * {@code dueAt}, in one JDBC batch in list order. The changes are sums and maxima, so their order
     * does not change the result; list order only fixes the order the rows are locked in.
     */
    public void addActivities(List<ActivityFacts> facts, Instant dueAt) {
        if (facts.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement update = connection.prepareStatement("""
                    UPDATE memberships SET
                        interactions = interactions + ?,
                        purchases = purchases + ?,
                        shares = shares + ?,
                        contributions = contributions + ?,
                        last_activity_at = CASE WHEN ? THEN greatest(last_activity_at, ?) ELSE last_activity_at END,
                        last_check_in_at = CASE WHEN ? THEN greatest(last_check_in_at, ?) ELSE last_check_in_at END,
                        last_contribution_at = CASE WHEN ?
                            THEN greatest(last_contribution_at, ?) ELSE last_contribution_at END,
                        next_standing_check_at = ?
                    WHERE member_id = ? AND group_id = ? AND left_at IS NULL""")) {
                java.time.OffsetDateTime due = dueAt.atOffset(java.time.ZoneOffset.UTC);
                for (ActivityFacts f : facts) {
                    java.time.OffsetDateTime at = f.occurredAt().atOffset(java.time.ZoneOffset.UTC);
                    update.setInt(1, f.interaction() ? 1 : 0);
                    update.setInt(2, f.purchase() ? 1 : 0);
                    update.setInt(3, f.share() ? 1 : 0);
                    update.setInt(4, f.contribution() ? 1 : 0);
                    update.setBoolean(5, f.interaction());
                    update.setObject(6, at);
                    update.setBoolean(7, f.checkIn());
                    update.setObject(8, at);
                    update.setBoolean(9, f.contribution());
                    update.setObject(10, at);
                    update.setObject(11, due);
                    update.setObject(12, f.memberId());
                    update.setObject(13, f.groupId());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    @Override
    public void save(Membership membership) {
        persist(membership);
    }

    @Override
    public java.util.Set<Integer> heldAt(List<UUID> memberIds, List<UUID> groupIds, List<Instant> instants) {
        java.util.Set<Integer> held = new java.util.HashSet<>();
        if (memberIds.isEmpty()) {
            return held;
        }
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            // one statement for the whole batch; each triple one probe of ix_memberships_member
            try (java.sql.PreparedStatement query = connection.prepareStatement("""
                    SELECT q.i FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[]) WITH ORDINALITY
                                    AS q(member_id, group_id, at, i)
                    WHERE EXISTS (SELECT 1 FROM memberships m
                                  WHERE m.member_id = q.member_id AND m.group_id = q.group_id
                                    AND m.joined_at <= q.at AND (m.left_at IS NULL OR m.left_at > q.at))""")) {
                query.setArray(1, connection.createArrayOf("uuid", memberIds.toArray()));
                query.setArray(2, connection.createArrayOf("uuid", groupIds.toArray()));
                query.setArray(3, connection.createArrayOf("text", instants.stream().map(Instant::toString).toArray()));
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        held.add((int) rows.getLong(1) - 1);
                    }
                }
            }
        });
        return held;
    }
}
