package io.qunyun.campaign.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** CloudEvents 1.0 structured-mode envelope (docs/events.md). */
@JsonPropertyOrder({ "specversion", "id", "type", "source", "time", "subject", "datacontenttype", "data" })
public record CloudEvent<T>(
        String specversion,
        String id,
        String type,
        String source,
        Instant time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    public static final String SOURCE = "/campaign-service";

    public static <T> CloudEvent<T> of(String id, String type, Instant time, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, type, SOURCE, time, subject, JSON, data);
    }
}
