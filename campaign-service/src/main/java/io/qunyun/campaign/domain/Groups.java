package io.qunyun.campaign.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The community groups campaign-service positioned (a port: persistence stores them). Entities read
 * here are managed: changes made to them in a transaction are written when it commits.
 */
public interface Groups {

    /** @return the group, or null when there is none with this id */
    GroupEntity group(UUID id);

    Optional<GroupEntity> find(UUID id);

    void add(GroupEntity group);

    /** The newest groups first. */
    List<GroupEntity> newest(int limit);

    List<GroupEntity> all();

    /** The time zone of each of these groups that campaign-service knows (one statement for a whole poll). */
    Map<UUID, String> zones(Collection<UUID> groupIds);

    /** Groups of these types past their lifespan and not ended yet (lifespan expiry). */
    List<UUID> expiredGroups(List<String> types, Instant now);

    /** Groups still running whose metrics may be reported. */
    List<UUID> reportableGroups();
}
