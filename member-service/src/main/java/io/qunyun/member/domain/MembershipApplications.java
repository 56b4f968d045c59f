package io.qunyun.member.domain;

import java.util.Optional;
import java.util.UUID;

/** Port: applications to join a group (implemented by persistence.MembershipApplicationRepository). */
public interface MembershipApplications {

    void save(MembershipApplication application);

    Optional<MembershipApplication> ofGroup(UUID applicationId, UUID groupId);

    Optional<MembershipApplication> findPending(UUID memberId, UUID groupId);

    /** {@link #ofGroup}, row-locked. */
    Optional<MembershipApplication> lockOfGroup(UUID applicationId, UUID groupId);
}
