package io.qunyun.member.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** The checks joins and exits share: the group is known, the member exists (row-locked), the actor reviews. */
@ApplicationScoped
public class MembershipChecks {

    private final Members members;
    private final CommunityGroups groups;
    private final Memberships memberships;
    private final RoleCatalogue roles;

    MembershipChecks(Members members, CommunityGroups groups, Memberships memberships, RoleCatalogue roles) {
        this.members = members;
        this.groups = groups;
        this.memberships = memberships;
        this.roles = roles;
    }

    void requireReviewer(UUID actor, UUID groupId, String field) {
        if (actor == null) {
            throw new InvalidRequestException(field, "is required");
        }
        if (!memberships.isReviewer(actor, groupId, roles.reviewerRoles())) {
            throw new NotAReviewerException(field, actor, groupId);
        }
    }

    /** The member's open membership of the group, row-locked. */
    Membership requireMember(UUID memberId, UUID groupId) {
        return memberships.lockOpen(memberId, groupId).orElseThrow(() -> new NotFoundException("memberId",
                "member " + memberId + " has no open membership of group " + groupId));
    }

    /** Locks the member's row; a merged record's survivor is the member (issue 23), whose id this returns. */
    UUID lockMember(UUID memberId) {
        UUID survivor = members.survivorOf(memberId);
        if (members.lockById(survivor).isEmpty()) {
            throw new NotFoundException("memberId", "no member with id " + memberId);
        }
        return survivor;
    }

    CommunityGroup group(UUID groupId) {
        return group(groupId, "groupId");
    }

    CommunityGroup group(UUID groupId, String field) {
        return groups.byId(groupId).orElseThrow(() -> new GroupNotKnownException(groupId, field));
    }

}
