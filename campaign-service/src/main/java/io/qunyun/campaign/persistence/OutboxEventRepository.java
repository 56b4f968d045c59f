package io.qunyun.campaign.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OutboxEventRepository implements PanacheRepository<OutboxEvent> {

    /**
     * The oldest pending rows, locked until the calling transaction ends. SKIP LOCKED lets a
     * second relay (another instance) take the next rows instead of waiting.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockOldest(int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM outbox_event
                ORDER BY id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    public long deleteByIds(List<Long> ids) {
        return ids.isEmpty() ? 0 : delete("id in ?1", ids);
    }
}
