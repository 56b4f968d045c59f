package io.qunyun.member.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.member.domain.ActivityState;
import io.qunyun.member.domain.CircleLayer;
import io.qunyun.member.domain.RelationshipStage;
import io.qunyun.member.persistence.AudienceRepository;
import io.qunyun.platform.rest.InvalidParameterException;

/** Audiences for campaign-service (contract: POST /audiences/query), keyset-paged by membership id. */
@Path("/audiences/query")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships")
public class AudienceResource {

    static final int DEFAULT_LIMIT = 1000;

    public enum Tier {
        NEWBIE, ACTIVE, CORE, AMBASSADOR
    }

    public record AudienceQuery(
            @NotNull @Size(min = 1, max = 5000) List<@NotNull UUID> groupIds,
            List<@NotNull CircleLayer> layers,
            List<@NotNull RelationshipStage> stages,
            List<@NotNull ActivityState> activityStates,
            List<@NotBlank @Size(max = 64) String> roles,
            List<@NotNull Tier> tiers,
            @Min(1) Integer inactiveDays,
            Boolean notCheckedInToday,
            Boolean staff,
            String after,
            @Min(1) @Max(10000) Integer limit) {
    }

    public record AudienceMember(UUID membershipId, UUID memberId, UUID groupId, List<String> roles, boolean staff,
            String layer, String stage, String activityState, String tier, Instant joinedAt, Instant lastActivityAt,
            Instant lastCheckInAt) {
    }

    public record AudiencePage(List<AudienceMember> items, String nextCursor) {
    }

    private final AudienceRepository audiences;
    private final Clock clock;

    AudienceResource(AudienceRepository audiences, Clock clock) {
        this.audiences = audiences;
        this.clock = clock;
    }

    @RolesAllowed({"integration", "operator", "analyst", "admin"})
    @POST
    @Transactional
    @Operation(summary = "Open memberships of the groups matching every filter given; follow nextCursor with after",
            description = "staff=false (default) returns members only, staff=true staff only. inactiveDays: no activity "
                    + "in the group for at least that many days (24 h each), counted from the join when never active. "
                    + "notCheckedInToday: no check-in since the start of today in the group's time zone.")
    public AudiencePage query(@Valid @NotNull AudienceQuery query) {
        int limit = query.limit() == null ? DEFAULT_LIMIT : query.limit();
        Instant now = clock.instant();
        var filter = new AudienceRepository.Filter(query.groupIds(), names(query.layers()), names(query.stages()),
                names(query.activityStates()), query.roles(), names(query.tiers()),
                query.inactiveDays() == null ? null : now.minus(Duration.ofDays(query.inactiveDays())), now,
                Boolean.TRUE.equals(query.notCheckedInToday()), Boolean.TRUE.equals(query.staff()),
                afterCursor(query.after()), limit + 1);
        List<AudienceRepository.Row> rows = audiences.page(filter);
        List<AudienceRepository.Row> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? page.get(page.size() - 1).membershipId().toString() : null;
        return new AudiencePage(page.stream().map(r -> new AudienceMember(r.membershipId(), r.memberId(), r.groupId(),
                r.roles(), r.staff(), r.layer(), r.stage(), r.activityState(), r.tier(), r.joinedAt(), r.lastActivityAt(),
                r.lastCheckInAt())).toList(), next);
    }

    private static UUID afterCursor(String after) {
        try {
            return Paging.after(after);
        } catch (InvalidParameterException e) {
            // a body field: reported like the other body fields
            throw new io.qunyun.member.domain.InvalidRequestException("after", e.getMessage());
        }
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).toList();
    }
}
