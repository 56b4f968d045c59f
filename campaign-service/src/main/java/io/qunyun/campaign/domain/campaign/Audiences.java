package io.qunyun.campaign.domain.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import io.qunyun.campaign.domain.template.Template.Audience;
import io.qunyun.campaign.domain.template.Template.Step;
import io.qunyun.campaign.domain.MemberAudiences;
import io.qunyun.campaign.domain.MemberAudiences.AudienceMember;
import io.qunyun.campaign.domain.MemberAudiences.AudiencePage;
import io.qunyun.campaign.domain.MemberAudiences.AudienceQuery;

/** A step's audience selector as member-service audience queries (contract: POST /audiences/query). */
@ApplicationScoped
public class Audiences {

    private final MemberAudiences members;

    Audiences(MemberAudiences members) {
        this.members = members;
    }

    /** One page of the members a 1:1 step reaches in a group. */
    public AudiencePage page(SchedulePolicy policy, Step step, UUID groupId, String after, int limit) {
        Audience a = step.audience();
        List<String> layers = TaskPlanner.oneToOneLayers(policy, step);
        return members.query(new AudienceQuery(List.of(groupId), layers, a.stages(), a.activityStates(), a.roles(),
                a.tiers(), a.inactiveDays(), a.notCheckedInToday(), false, after, limit));
    }

    /** The group's staff (all pages; a group has a handful). */
    public List<AudienceMember> staff(UUID groupId, int limit) {
        List<AudienceMember> out = new ArrayList<>();
        String after = null;
        do {
            AudiencePage page = members.query(new AudienceQuery(List.of(groupId), null, null, null, null, null, null,
                    null, true, after, limit));
            out.addAll(page.items());
            after = page.nextCursor();
        } while (after != null);
        return out;
    }
}
