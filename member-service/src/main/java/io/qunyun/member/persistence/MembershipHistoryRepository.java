package io.qunyun.member.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import io.qunyun.member.domain.MembershipHistory;
import io.qunyun.member.domain.MembershipHistoryEntry;

/** Append-only: rows are persisted, never changed (a trigger refuses updates and deletes). */
@ApplicationScoped
public class MembershipHistoryRepository implements PanacheRepository<MembershipHistoryEntry>, MembershipHistory {

    @Override
    public void save(MembershipHistoryEntry entry) {
        persist(entry);
    }
}
