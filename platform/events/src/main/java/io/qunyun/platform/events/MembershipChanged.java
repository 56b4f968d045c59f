package io.qunyun.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Payload of the membership-events types (docs/events.md): joined, ended (with endedAt, exitKind,
 * reason) and changed (with the changes). Fields a type does not carry are left out. Published by
 * member-service, read by campaign-service (audiences, roster, group metrics).
 */
@JsonPropertyOrder({ "membershipId", "memberId", "groupId", "roles", "staff", "layer", "stage", "activityState",
        "joinedAt", "endedAt", "exitKind", "reason", "changes", "occurredAt" })
public record MembershipChanged(
        UUID membershipId,
        @NotNull(message = "is missing") UUID memberId,
        @NotNull(message = "is missing") UUID groupId,
        List<String> roles,
        boolean staff,
        String layer,
        String stage,
        String activityState,
        Instant joinedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant endedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String exitKind,
        // always present: the exit reason on ended, the join path's note (or null) otherwise
        @JsonInclude(JsonInclude.Include.ALWAYS) String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Change> changes,
        Instant occurredAt) {

    public static final String TOPIC = "membership-events";
    public static final String JOINED = "io.qunyun.member.membership.joined.v1";
    public static final String ENDED = "io.qunyun.member.membership.ended.v1";
    public static final String CHANGED = "io.qunyun.member.membership.changed.v1";

    /**
     * One changed field: {@code layer}, {@code activityState} or {@code roles}, with the values before and
     * after and the decision-table row that decided it (null for role changes).
     */
    public record Change(String field, Object from, Object to, String decidedBy) {
    }
}
