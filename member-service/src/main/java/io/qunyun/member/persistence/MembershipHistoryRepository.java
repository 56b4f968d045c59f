package io.qunyun.member.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Append-only: rows are persisted, never changed (a trigger refuses updates and deletes). */
@ApplicationScoped
public class MembershipHistoryRepository implements PanacheRepository<MembershipHistoryEntry> {
}
