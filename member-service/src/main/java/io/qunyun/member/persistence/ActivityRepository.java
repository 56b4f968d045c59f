package io.qunyun.member.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /**
     * Inserts unless the member already used this idempotency key; a concurrent request with the
     * same key then waits for ours and inserts nothing.
     *
     * @return true if the row was inserted
     */
    public boolean insertIfAbsent(Activity activity) {
        int inserted = getEntityManager().unwrap(Session.class).createNativeMutationQuery("""
                INSERT INTO activities (id, member_id, type, group_id, occurred_at, idempotency_key, recorded_at)
                VALUES (:id, :memberId, :type, :groupId, :occurredAt, :idempotencyKey, :recordedAt)
                ON CONFLICT (member_id, idempotency_key) DO NOTHING""")
                .setParameter("id", activity.id)
                .setParameter("memberId", activity.memberId)
                .setParameter("type", activity.type.name())
                .setParameter("groupId", activity.groupId, UUID.class)
                .setParameter("occurredAt", activity.occurredAt)
                .setParameter("idempotencyKey", activity.idempotencyKey)
                .setParameter("recordedAt", activity.recordedAt)
                .executeUpdate();
        return inserted == 1;
    }

    public Optional<Activity> findByIdempotencyKey(UUID memberId, String idempotencyKey) {
        return find("memberId = ?1 and idempotencyKey = ?2", memberId, idempotencyKey).firstResultOptional();
    }
}
