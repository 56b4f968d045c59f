package io.qunyun.campaign.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.campaign.domain.lifecycle.MetricsReports;

/** Metrics reports (table group_metrics_report), in plain JDBC. */
@ApplicationScoped
public class MetricsReportStore implements MetricsReports {

    private final Jdbc jdbc;

    MetricsReportStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markReported(UUID groupId, LocalDate day, UUID eventId, Instant at) {
        return jdbc.update("""
                INSERT INTO group_metrics_report (group_id, local_day, event_id, reported_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, groupId, day, eventId, at) == 1;
    }
}
