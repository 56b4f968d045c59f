package io.qunyun.member.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import io.qunyun.member.domain.Redemption;
import io.qunyun.member.domain.Redemptions;

@ApplicationScoped
public class RedemptionRepository implements PanacheRepositoryBase<Redemption, UUID>, Redemptions {

    public Optional<Redemption> findByKey(UUID memberId, String idempotencyKey) {
        return find("memberId = ?1 and idempotencyKey = ?2", memberId, idempotencyKey).firstResultOptional();
    }

    @Override
    public void save(Redemption redemption) {
        persist(redemption);
    }
}
