package io.qunyun.campaign.messaging;

import java.time.Instant;
import java.util.UUID;

/** Payload of io.qunyun.campaign.group.changed.v1 (contract: group-changes, key = group id). */
public record GroupChanged(UUID groupId, String name, String type, String timeZone, boolean screeningRequired,
        Integer lifespanHours, String state, UUID successorGroupId, Instant occurredAt) {

    public static final String EVENT_TYPE = "io.qunyun.campaign.group.changed.v1";
}
