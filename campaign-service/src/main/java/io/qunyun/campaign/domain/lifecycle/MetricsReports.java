package io.qunyun.campaign.domain.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Which local days of a group had their metrics reported (a port: persistence stores it), so a day is
 * reported once.
 */
public interface MetricsReports {

    boolean markReported(UUID groupId, LocalDate day, UUID eventId, Instant at);
}
