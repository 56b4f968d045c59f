package io.qunyun.member.domain;

import java.util.Optional;
import java.util.UUID;

/** Port: the replica of the community groups (implemented by persistence.CommunityGroupRepository). */
public interface CommunityGroups {

    Optional<CommunityGroup> byId(UUID id);
}
