package io.qunyun.member.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import io.qunyun.member.domain.MembershipApplication;
import io.qunyun.member.domain.MembershipApplications;

@ApplicationScoped
public class MembershipApplicationRepository implements PanacheRepositoryBase<MembershipApplication, UUID>, MembershipApplications {

    public Optional<MembershipApplication> findPending(UUID memberId, UUID groupId) {
        return find("memberId = ?1 and groupId = ?2 and state = ?3", memberId, groupId,
                MembershipApplication.State.PENDING).firstResultOptional();
    }

    /** The application of that group, locked: two reviewers deciding at once cannot both win. */
    public Optional<MembershipApplication> lockOfGroup(UUID applicationId, UUID groupId) {
        return find("id = ?1 and groupId = ?2", applicationId, groupId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    @Override
    public void save(MembershipApplication application) {
        persist(application);
    }

    @Override
    public java.util.Optional<MembershipApplication> ofGroup(java.util.UUID applicationId, java.util.UUID groupId) {
        return find("id = ?1 and groupId = ?2", applicationId, groupId).firstResultOptional();
    }
}
