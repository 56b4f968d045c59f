package io.qunyun.campaign.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** Event ids a consumer has handled (table processed_event): the idempotent consumer's memory. */
@ApplicationScoped
public class ProcessedEventStore {

    private final Jdbc jdbc;

    ProcessedEventStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true the first time this event id is seen; runs in the caller's transaction */
    public boolean firstSeen(String eventId, Instant at) {
        return jdbc.update("INSERT INTO processed_event (event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                eventId, at) == 1;
    }
}
