package io.qunyun.campaign.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of io.qunyun.campaign.group.state.changed.v1 (group-lifecycle, key = group id): one
 * lifecycle state change with the action and the decision (table version, fired rows) behind it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupStateChanged(UUID groupId, String from, String to, UUID actionId, String cause, String verdict,
        String decidedBy, String table, String tableVersion, List<String> firedRules, UUID successorGroupId,
        Instant occurredAt) {

    public static final String EVENT_TYPE = "io.qunyun.campaign.group.state.changed.v1";
}
