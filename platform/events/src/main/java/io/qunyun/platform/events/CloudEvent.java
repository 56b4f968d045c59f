package io.qunyun.platform.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** CloudEvents 1.0 structured-mode envelope (docs/events.md), the one every service writes and reads. */
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

    /** An envelope of {@code source} (e.g. {@code /member-service}) with JSON data. */
    public static <T> CloudEvent<T> of(String source, String id, String type, Instant time, String subject, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, type, source, time, subject, JSON, data);
    }
}
