package io.qunyun.member.domain;

import java.util.Optional;
import java.util.UUID;

/** Port: redemptions of catalogue rewards (implemented by persistence.RedemptionRepository). */
public interface Redemptions {

    void save(Redemption redemption);

    Optional<Redemption> findByKey(UUID memberId, String idempotencyKey);
}
