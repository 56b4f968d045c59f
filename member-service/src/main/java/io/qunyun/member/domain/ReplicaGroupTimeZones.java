package io.qunyun.member.domain;

import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.member.config.GroupsConfig;

/**
 * A group's zone from the replica that group-changes feeds (campaign-service owns the groups). An
 * activity outside any group, or in a group this service has not heard of yet, counts its local day
 * in the default zone (qunyun.groups.default-time-zone, Asia/Shanghai).
 */
@ApplicationScoped
public class ReplicaGroupTimeZones implements GroupTimeZones {

    private final CommunityGroups groups;
    private final ZoneId defaultZone;

    ReplicaGroupTimeZones(CommunityGroups groups, GroupsConfig config) {
        this.groups = groups;
        this.defaultZone = config.defaultTimeZone();
    }

    @Override
    public ZoneId of(UUID groupId) {
        if (groupId == null) {
            return defaultZone;
        }
        // the replica validated the zone id when it stored it (a bad one went to group-changes-dlq)
        return groups.byId(groupId).map(g -> ZoneId.of(g.timeZone)).orElse(defaultZone);
    }
}
