package io.qunyun.member.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.member.domain.MemberNotFoundException;
import io.qunyun.member.persistence.MemberRepository;
import io.qunyun.member.persistence.TimelineRepository;
import io.qunyun.member.persistence.TimelineRepository.Entry;
import io.qunyun.member.persistence.TimelineRepository.Position;
import io.qunyun.platform.rest.InvalidParameterException;

/** A member's timeline, newest first, cursor-paged. (A path of its own: see MemberMembershipResource.) */
@Path("/members/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships")
public class TimelineResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /**
     * @param kind ACTIVITY, POINTS, MEMBERSHIP_JOINED, MEMBERSHIP_ENDED, STAGE, ACTIVITY_STATE, LAYER, ROLES, TIER
     *             (a real tier change: from → to, reason = the benefits, decidedBy = the Tiers rows)
     * @param id   the activity, ledger entry, membership, history entry or tier decision
     * @param type activity type, admission path (joined) or exit kind (ended)
     */
    public record TimelineEntry(Instant at, String kind, String id, UUID groupId, String type, Integer points,
            String from, String to, String reason, String decidedBy) {

        static TimelineEntry of(Entry e) {
            return new TimelineEntry(e.at(), e.kind(), e.ref(), e.groupId(), e.type(), e.points(), e.from(), e.to(),
                    e.reason(), e.decidedBy());
        }
    }

    public record TimelinePage(List<TimelineEntry> items, String nextCursor) {
    }

    private final TimelineRepository timeline;
    private final MemberRepository members;

    TimelineResource(TimelineRepository timeline, MemberRepository members) {
        this.timeline = timeline;
        this.members = members;
    }

    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    @Transactional
    @Operation(summary = "Activities, points, memberships and standing changes of a member, newest first; "
            + "follow nextCursor with ?after=")
    public TimelinePage timeline(@PathParam("id") UUID id, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        int size = Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Position from = decode(after);
        if (!members.exists(id)) {
            throw new MemberNotFoundException(id);
        }
        List<Entry> rows = timeline.page(members.survivorOf(id), from, size + 1); // a merged record reads as its survivor
        List<Entry> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size ? encode(page.get(page.size() - 1).position()) : null;
        return new TimelinePage(page.stream().map(TimelineEntry::of).toList(), next);
    }

    /** Opaque to clients: base64url of "epochMicros|kind|ref". */
    static String encode(Position p) {
        long micros = Math.addExact(Math.multiplyExact(p.at().getEpochSecond(), 1_000_000L), p.at().getNano() / 1_000);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "|" + p.kind() + "|" + p.ref()).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|", 3);
            long micros = Long.parseLong(parts[0]);
            return new Position(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L), parts[1], parts[2]);
        } catch (RuntimeException e) {
            throw new InvalidParameterException("after", "is not a cursor of this list (use the nextCursor of the previous page)");
        }
    }
}
