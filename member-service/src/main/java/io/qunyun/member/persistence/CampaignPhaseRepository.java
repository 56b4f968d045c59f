package io.qunyun.member.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.qunyun.member.domain.CampaignPhases;

/** The current campaign phase of each group, from campaign-phase-changed. */
@ApplicationScoped
public class CampaignPhaseRepository implements CampaignPhases {

    @Inject
    EntityManager em;

    /**
     * Stores the phase unless a newer one (by occurredAt) is stored already, so replays and late,
     * out-of-order deliveries never move a group back.
     *
     * @return true if the stored phase is now this one
     */
    public boolean upsertIfNewer(UUID groupId, UUID campaignId, String phase, Integer day, Instant occurredAt,
            String eventId, Instant now) {
        int changed = em.unwrap(org.hibernate.Session.class).createNativeMutationQuery("""
                INSERT INTO group_campaign_phase (group_id, campaign_id, phase, day, occurred_at, event_id, updated_at)
                VALUES (:groupId, :campaignId, :phase, :day, :occurredAt, :eventId, :now)
                ON CONFLICT (group_id) DO UPDATE
                   SET campaign_id = EXCLUDED.campaign_id, phase = EXCLUDED.phase, day = EXCLUDED.day,
                       occurred_at = EXCLUDED.occurred_at, event_id = EXCLUDED.event_id, updated_at = EXCLUDED.updated_at
                 WHERE group_campaign_phase.occurred_at <= EXCLUDED.occurred_at""")
                .setParameter("groupId", groupId)
                .setParameter("campaignId", campaignId)
                .setParameter("phase", phase)
                .setParameter("day", day, Integer.class)
                .setParameter("occurredAt", occurredAt)
                .setParameter("eventId", eventId)
                .setParameter("now", now)
                .executeUpdate();
        return changed == 1;
    }

    public Optional<String> phaseOf(UUID groupId) {
        @SuppressWarnings("unchecked")
        List<String> phases = em.createNativeQuery("SELECT phase FROM group_campaign_phase WHERE group_id = :groupId")
                .setParameter("groupId", groupId)
                .getResultList();
        return phases.stream().findFirst();
    }
}
