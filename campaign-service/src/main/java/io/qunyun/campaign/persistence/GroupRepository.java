package io.qunyun.campaign.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.qunyun.campaign.domain.GroupEntity;
import io.qunyun.campaign.domain.Groups;

/** Community groups (table community_group): the entity through Panache, the scans of many groups in plain SQL. */
@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<GroupEntity, UUID>, Groups {

    @Inject
    Jdbc jdbc;

    @Override
    public GroupEntity group(UUID id) {
        return findById(id);
    }

    @Override
    public Optional<GroupEntity> find(UUID id) {
        return findByIdOptional(id);
    }

    @Override
    public void add(GroupEntity group) {
        persist(group);
    }

    @Override
    public List<GroupEntity> newest(int limit) {
        return findAll(Sort.descending("createdAt")).page(0, limit).list();
    }

    @Override
    public List<GroupEntity> all() {
        return listAll();
    }

    @Override
    public Map<UUID, String> zones(Collection<UUID> groupIds) {
        Map<UUID, String> out = new HashMap<>();
        for (String[] row : jdbc.query("SELECT id::text, time_zone FROM community_group WHERE id = ANY (?)",
                rs -> new String[] { rs.getString(1), rs.getString(2) }, (Object) groupIds.toArray(UUID[]::new))) {
            out.put(UUID.fromString(row[0]), row[1]);
        }
        return out;
    }

    @Override
    public List<UUID> expiredGroups(List<String> types, Instant now) {
        return jdbc.query("""
                SELECT id FROM community_group
                WHERE group_type = ANY (?) AND lifespan_hours IS NOT NULL
                  AND state IN ('ACTIVE', 'DORMANT', 'REVIVING')
                  AND created_at + lifespan_hours * interval '1 hour' <= ?
                ORDER BY created_at
                """, rs -> (UUID) rs.getObject(1), types.toArray(String[]::new), now);
    }

    @Override
    public List<UUID> reportableGroups() {
        return jdbc.query("SELECT id FROM community_group WHERE state <> 'DISSOLVED' ORDER BY created_at",
                rs -> (UUID) rs.getObject(1));
    }
}
