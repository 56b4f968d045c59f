package io.qunyun.member.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

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
        return inserted == 1;
    }

    public Optional<Member> findBySourceAndExternalId(String sourceSystem, String externalId) {
        return find("sourceSystem = ?1 and externalId = ?2", sourceSystem, externalId).firstResultOptional();
    }

    public boolean exists(UUID id) {
        return count("id", id) > 0;
    }

    public Set<UUID> existingIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select m.id from Member m where m.id in :ids", UUID.class)
                .setParameter("ids", ids)
                .getResultList());
    }
}
