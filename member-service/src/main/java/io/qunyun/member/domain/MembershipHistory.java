package io.qunyun.member.domain;

/** Port: the history of membership changes (implemented by persistence.MembershipHistoryRepository). */
public interface MembershipHistory {

    void save(MembershipHistoryEntry entry);
}
