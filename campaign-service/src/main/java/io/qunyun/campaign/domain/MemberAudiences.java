package io.qunyun.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who is in a group, as member-service knows it (the roster, layers, stages and activity live
 * there). A port: the member adapter answers it over REST; the records are the wire shapes of
 * member-service's {@code POST /audiences/query}.
 */
public interface MemberAudiences {

    /** One page of the members matching the query; ask again with {@code nextCursor} for the next. */
    AudiencePage query(AudienceQuery query);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AudienceQuery(List<UUID> groupIds, List<String> layers, List<String> stages, List<String> activityStates,
            List<String> roles, List<String> tiers, Integer inactiveDays, Boolean notCheckedInToday, Boolean staff,
            String after, Integer limit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AudiencePage(List<AudienceMember> items, String nextCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AudienceMember(UUID membershipId, UUID memberId, UUID groupId, List<String> roles, boolean staff,
            String layer, String stage, String activityState, String tier, Instant joinedAt, Instant lastActivityAt,
            Instant lastCheckInAt) {
    }
}
