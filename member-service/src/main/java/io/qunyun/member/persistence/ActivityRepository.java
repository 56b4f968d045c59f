package io.qunyun.member.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
                INSERT INTO activities (id, member_id, type, group_id, occurred_at, idempotency_key, recorded_at,
                                        product, amount, currency, content_kind,
                                        streak_days, campaign_phase, member_tier, prior_offences)
                VALUES (:id, :memberId, :type, :groupId, :occurredAt, :idempotencyKey, :recordedAt,
                        :product, :amount, :currency, :contentKind,
                        :streakDays, :campaignPhase, :memberTier, :priorOffences)
                ON CONFLICT (member_id, idempotency_key) DO NOTHING""")
                .setParameter("id", activity.id)
                .setParameter("memberId", activity.memberId)
                .setParameter("type", activity.type.name())
                .setParameter("groupId", activity.groupId, UUID.class)
                .setParameter("occurredAt", activity.occurredAt)
                .setParameter("idempotencyKey", activity.idempotencyKey)
                .setParameter("recordedAt", activity.recordedAt)
                .setParameter("product", activity.product, String.class)
                .setParameter("amount", activity.amount, java.math.BigDecimal.class)
                .setParameter("currency", activity.currency, String.class)
                .setParameter("contentKind", activity.contentKind, String.class)
                .setParameter("streakDays", activity.streakDays, Integer.class)
                .setParameter("campaignPhase", activity.campaignPhase, String.class)
                .setParameter("memberTier", activity.memberTier, String.class)
                .setParameter("priorOffences", activity.priorOffences, Integer.class)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Consecutive local days, ending on {@code day}, on which the member checked in in this group (or
     * outside any group when groupId is null), {@code day} itself counted whether or not a check-in of
     * it is stored yet. Days are taken in {@code zone}.
     */
    public int checkInStreak(UUID memberId, UUID groupId, ZoneId zone, LocalDate day) {
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        // Distinct days newest first, numbered 0, 1, 2, ...: a day belongs to the streak while it is
        // exactly its number of days before `day` (the first gap breaks it for all older days).
        Number streak = (Number) getEntityManager().createNativeQuery("""
                WITH days AS (
                    SELECT (occurred_at AT TIME ZONE :zone)::date AS d
                    FROM activities
                    WHERE member_id = :memberId AND type = 'CHECK_IN'
                      AND group_id IS NOT DISTINCT FROM CAST(:groupId AS uuid)
                      AND occurred_at < :dayEnd
                    UNION
                    SELECT CAST(:day AS date)
                )
                SELECT count(*) FROM (
                    SELECT d, row_number() OVER (ORDER BY d DESC) - 1 AS n FROM days
                ) numbered
                WHERE CAST(:day AS date) - d = n""")
                .setParameter("zone", zone.getId())
                .setParameter("memberId", memberId)
                .setParameter("groupId", groupId == null ? null : groupId.toString())
                .setParameter("dayEnd", dayEnd)
                .setParameter("day", day)
                .getSingleResult();
        return streak.intValue();
    }

    /** A member's activities, newest first, strictly after the cursor (recordedAt, id) when given. */
    public List<Activity> page(UUID memberId, Instant afterRecordedAt, UUID afterId, int limit) {
        if (afterRecordedAt == null) {
            return find("memberId = ?1 order by recordedAt desc, id desc", memberId).page(0, limit).list();
        }
        return find("memberId = ?1 and (recordedAt < ?2 or (recordedAt = ?2 and id < ?3)) order by recordedAt desc, id desc",
                memberId, afterRecordedAt, afterId).page(0, limit).list();
    }

    /** Activities of these members using any of these keys (the caller picks the exact pairs). */
    public List<Activity> findByIdempotencyKeys(java.util.Collection<UUID> memberIds, java.util.Collection<String> keys) {
        if (memberIds.isEmpty() || keys.isEmpty()) {
            return List.of();
        }
        return list("memberId in ?1 and idempotencyKey in ?2", memberIds, keys);
    }

    public Optional<Activity> findByIdempotencyKey(UUID memberId, String idempotencyKey) {
        return find("memberId = ?1 and idempotencyKey = ?2", memberId, idempotencyKey).firstResultOptional();
    }
}
