package io.qunyun.member.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import io.qunyun.member.domain.CommunityGroup;
import io.qunyun.member.domain.CommunityGroups;

@ApplicationScoped
public class CommunityGroupRepository implements PanacheRepositoryBase<CommunityGroup, UUID>, CommunityGroups {

    /**
     * Inserts the group or overwrites it with a newer change. A change that is not newer than the
     * stored one (a redelivery, or an older change arriving late) changes nothing.
     *
     * @return true if the replica changed
     */
    public boolean upsertIfNewer(CommunityGroup group) {
        int changed = getEntityManager().unwrap(Session.class).createNativeMutationQuery("""
                INSERT INTO community_group (id, name, type, time_zone, screening_required, lifespan_hours, state,
                                             successor_group_id, updated_at)
                VALUES (:id, :name, :type, :timeZone, :screening, :lifespan, :state, :successor, :updatedAt)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,
                    time_zone = excluded.time_zone, screening_required = excluded.screening_required,
                    lifespan_hours = excluded.lifespan_hours, state = excluded.state,
                    successor_group_id = excluded.successor_group_id, updated_at = excluded.updated_at
                WHERE community_group.updated_at < excluded.updated_at""")
                .setParameter("id", group.id)
                .setParameter("name", group.name)
                .setParameter("type", group.type)
                .setParameter("timeZone", group.timeZone)
                .setParameter("screening", group.screeningRequired)
                .setParameter("lifespan", group.lifespanHours, Integer.class)
                .setParameter("state", group.state)
                .setParameter("successor", group.successorGroupId, UUID.class)
                .setParameter("updatedAt", group.updatedAt)
                .executeUpdate();
        return changed == 1;
    }

    @Override
    public java.util.Optional<CommunityGroup> byId(java.util.UUID id) {
        return findByIdOptional(id);
    }
}
