package io.qunyun.campaign.member;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.qunyun.campaign.domain.MemberAudiences;

/** The domain's {@link MemberAudiences} port, answered by member-service over REST. */
@ApplicationScoped
public class MemberAudiencesAdapter implements MemberAudiences {

    private final MemberClient members;

    MemberAudiencesAdapter(@RestClient MemberClient members) {
        this.members = members;
    }

    @Override
    public AudiencePage query(AudienceQuery query) {
        return members.query(query);
    }
}
