package io.qunyun.member.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import io.qunyun.member.domain.Member;
import io.qunyun.member.domain.Members;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID>, Members {

    /**
     * Inserts unless (source_system, external_id) is taken. ON CONFLICT instead of catching a
     * constraint violation keeps the transaction usable for reading the existing member.
     *
     * @return true if the row was inserted
     */
    public boolean insertIfAbsent(Member member) {
        int inserted = getEntityManager().unwrap(Session.class).createNativeMutationQuery("""
                INSERT INTO members (id, source_system, external_id, display_name, points_balance, created_at)
                VALUES (:id, :sourceSystem, :externalId, :displayName, 0, :createdAt)
                ON CONFLICT (source_system, external_id) DO NOTHING""")
                .setParameter("id", member.id)
                .setParameter("sourceSystem", member.sourceSystem)
                .setParameter("externalId", member.externalId)
                .setParameter("displayName", member.displayName)
                .setParameter("createdAt", member.createdAt)
                .executeUpdate();
        if (inserted == 1) {
            // the registration id is the member's first identity
            addIdentity(member.id, member.sourceSystem, member.externalId, member.createdAt);
        }
        return inserted == 1;
    }

    /**
     * {@link #insertIfAbsent} for many members in one statement (a roster import writes up to 10,000): the
     * members and their first identities go in together, and only the ids actually inserted come back.
     * All share {@code createdAt}; a row whose identity is taken is skipped, as one at a time.
     */
    public Set<UUID> insertAllIfAbsent(java.util.List<Member> created, java.time.Instant createdAt) {
        Set<UUID> inserted = new java.util.HashSet<>();
        if (created.isEmpty()) {
            return inserted;
        }
        getEntityManager().flush();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH new_rows AS (
                        SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[])
                            AS r (id, source_system, external_id, display_name)),
                    added AS (
                        INSERT INTO members (id, source_system, external_id, display_name, points_balance, created_at)
                        SELECT id, source_system, external_id, display_name, 0, ? FROM new_rows
                        ON CONFLICT (source_system, external_id) DO NOTHING
                        RETURNING id, source_system, external_id),
                    identities AS (
                        INSERT INTO member_identity (source_system, external_id, member_id, added_at)
                        SELECT source_system, external_id, id, ? FROM added
                        ON CONFLICT (source_system, external_id) DO NOTHING)
                    SELECT id FROM added""")) {
                insert.setArray(1, connection.createArrayOf("uuid", created.stream().map(m -> m.id).toArray()));
                insert.setArray(2, connection.createArrayOf("text", created.stream().map(m -> m.sourceSystem).toArray()));
                insert.setArray(3, connection.createArrayOf("text", created.stream().map(m -> m.externalId).toArray()));
                insert.setArray(4, connection.createArrayOf("text", created.stream().map(m -> m.displayName).toArray()));
                java.time.OffsetDateTime at = createdAt.atOffset(java.time.ZoneOffset.UTC);
                insert.setObject(5, at);
                insert.setObject(6, at);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add((UUID) rows.getObject(1));
                    }
                }
            }
        });
        return inserted;
    }

    public Optional<Member> findBySourceAndExternalId(String sourceSystem, String externalId) {
        return find("sourceSystem = ?1 and externalId = ?2", sourceSystem, externalId).firstResultOptional();
    }

    /**
     * Locks the members' rows until the transaction ends, in id order (so two transactions locking
     * overlapping sets cannot deadlock): crediting, capping, redeeming and expiring of one member
     * then happen one after the other.
     */
    public void lockForUpdate(Collection<UUID> ids) {
        lockExisting(ids);
    }

    /**
     * {@link #lockForUpdate} that also answers which of these members exist (the ones it locked), in one
     * statement. An array parameter keeps the statement text the same for any number of ids, so the
     * driver keeps it prepared; an IN list made a new statement (and a Hibernate translation) per size.
     */
    public Set<UUID> lockExisting(Collection<UUID> ids) {
        // NO KEY UPDATE, not UPDATE: the lock still serialises these members' credits, redemptions and
        // expiries, but no longer blocks the KEY SHARE lock that inserting an activity (its foreign key
        // to members) takes; with FOR UPDATE a batch of activities and a credit deadlocked (check-faults).
        // ORDER BY puts the sort below the row locking, so the rows are locked in id order.
        return UuidArrayQuery.ids(getEntityManager(),
                "SELECT id FROM members WHERE id = ANY (?) ORDER BY id FOR NO KEY UPDATE", ids);
    }

    /** The member as stored now (bypassing the session cache: counters are changed by SQL). */
    public Optional<Member> fresh(UUID id) {
        Member member = findById(id);
        if (member != null) {
            getEntityManager().refresh(member);
        }
        return Optional.ofNullable(member);
    }

    /**
     * The growth inputs (counters), tier and tier benefits of these members as stored now, in one query. The returned
     * objects are snapshots, not managed entities: the counters are changed by SQL, so a managed
     * instance could be stale, and refreshing each would cost a round trip per member.
     */
    public java.util.List<Member> snapshots(Collection<UUID> ids) {
        java.util.List<Member> snapshots = new java.util.ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return snapshots;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, growth_purchases, growth_content_points, growth_behaviour_points, tier, tier_benefits
                    FROM members WHERE id = ANY (?) ORDER BY id""")) {
                query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Member member = new Member();
                        member.id = (UUID) rows.getObject(1);
                        member.growthPurchases = rows.getLong(2);
                        member.growthContentPoints = rows.getLong(3);
                        member.growthBehaviourPoints = rows.getLong(4);
                        member.tier = rows.getString(5);
                        member.tierBenefits = rows.getString(6);
                        snapshots.add(member);
                    }
                }
            }
        });
        return snapshots;
    }

    /** Applies a tier decision (the only writer of the tier columns). */
    public void setTier(UUID id, String tier, String benefits, java.time.Instant changedAt) {
        getEntityManager().createNativeQuery("""
                UPDATE members SET tier = :tier, tier_benefits = :benefits,
                                   tier_changed_at = COALESCE(:changedAt, tier_changed_at)
                WHERE id = :id""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("tier", tier)
                .setParameter("benefits", benefits)
                .setParameter("changedAt", changedAt, java.time.Instant.class)
                .setParameter("id", id)
                .executeUpdate();
    }

    public java.util.List<Member> findBySourceAndExternalIds(String sourceSystem, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return java.util.List.of();
        }
        return list("sourceSystem = ?1 and externalId in ?2", sourceSystem, externalIds);
    }

    /** @return false when the identity belongs to a member already */
    public boolean addIdentity(UUID memberId, String sourceSystem, String externalId, java.time.Instant at) {
        return getEntityManager().unwrap(Session.class).createNativeMutationQuery("""
                INSERT INTO member_identity (source_system, external_id, member_id, added_at)
                VALUES (:sourceSystem, :externalId, :memberId, :at)
                ON CONFLICT (source_system, external_id) DO NOTHING""")
                .setParameter("sourceSystem", sourceSystem)
                .setParameter("externalId", externalId)
                .setParameter("memberId", memberId)
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    /** Moves every identity of {@code from} to {@code to} (merge). */
    public void moveIdentities(UUID from, UUID to) {
        getEntityManager().createNativeQuery("UPDATE member_identity SET member_id = :to WHERE member_id = :from")
                .setParameter("to", to).setParameter("from", from).executeUpdate();
        getEntityManager().createNativeQuery("UPDATE members SET merged_into = :to WHERE id = :from")
                .setParameter("to", to).setParameter("from", from).executeUpdate();
        // records merged into `from` before now resolve to the new survivor directly
        getEntityManager().createNativeQuery("UPDATE members SET merged_into = :to WHERE merged_into = :from")
                .setParameter("to", to).setParameter("from", from).executeUpdate();
    }

    @Override
    public java.util.Map<UUID, UUID> survivorsOf(Collection<UUID> ids) {
        java.util.Map<UUID, UUID> survivors = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return survivors;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            // primary-key probes; almost every id is no merged record, so this usually answers nothing
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, merged_into FROM members WHERE id = ANY (?) AND merged_into IS NOT NULL")) {
                query.setArray(1, connection.createArrayOf("uuid", ids.stream().distinct().toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        survivors.put((UUID) rows.getObject(1), (UUID) rows.getObject(2));
                    }
                }
            }
        });
        return survivors;
    }

    @Override
    @SuppressWarnings("unchecked")
    public java.util.List<UUID> mergedInto(UUID survivor) {
        return getEntityManager().createNativeQuery("SELECT id FROM members WHERE merged_into = :survivor", UUID.class)
                .setParameter("survivor", survivor).getResultList();
    }

    @SuppressWarnings("unchecked")
    public java.util.List<Object[]> identitiesOf(UUID memberId) {
        return getEntityManager().createNativeQuery("""
                SELECT source_system, external_id FROM member_identity WHERE member_id = :memberId
                ORDER BY added_at, source_system, external_id""")
                .setParameter("memberId", memberId).getResultList();
    }

    public boolean exists(UUID id) {
        return count("id", id) > 0;
    }

    @Override
    public java.util.Optional<Member> byId(java.util.UUID id) {
        return findByIdOptional(id);
    }

    @Override
    public java.util.Optional<Member> lockById(java.util.UUID id) {
        return findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }
}
