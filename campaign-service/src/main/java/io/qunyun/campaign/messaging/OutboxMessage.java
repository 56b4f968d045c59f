package io.qunyun.campaign.messaging;

import java.util.UUID;

/** A record to publish once the current transaction commits. */
public record OutboxMessage(UUID eventId, String topic, String key, String payload) {
}
