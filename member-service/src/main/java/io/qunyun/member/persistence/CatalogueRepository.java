package io.qunyun.member.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import io.qunyun.member.domain.Catalogue;
import io.qunyun.member.domain.CatalogueReward;

@ApplicationScoped
public class CatalogueRepository implements PanacheRepositoryBase<CatalogueReward, UUID>, Catalogue {

    /** @return false when the code is taken */
    public boolean insertIfAbsent(CatalogueReward reward) {
        return getEntityManager().unwrap(Session.class).createNativeMutationQuery("""
                INSERT INTO reward_catalogue (id, code, name, cost, active, created_at)
                VALUES (:id, :code, :name, :cost, :active, :createdAt)
                ON CONFLICT (code) DO NOTHING""")
                .setParameter("id", reward.id)
                .setParameter("code", reward.code)
                .setParameter("name", reward.name)
                .setParameter("cost", reward.cost)
                .setParameter("active", reward.active)
                .setParameter("createdAt", reward.createdAt)
                .executeUpdate() == 1;
    }

    public Optional<CatalogueReward> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<CatalogueReward> listByCode() {
        return list("order by code");
    }

    @Override
    public java.util.Optional<CatalogueReward> byId(java.util.UUID id) {
        return findByIdOptional(id);
    }
}
