package io.qunyun.member.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: the reward catalogue (implemented by persistence.CatalogueRepository). */
public interface Catalogue {

    Optional<CatalogueReward> byId(UUID id);

    boolean insertIfAbsent(CatalogueReward reward);

    List<CatalogueReward> listByCode();
}
