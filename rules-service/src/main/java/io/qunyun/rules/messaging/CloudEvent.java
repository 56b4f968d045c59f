package io.qunyun.rules.messaging;

import java.time.Instant;

/**
 * CloudEvents 1.0 structured-mode envelope (docs/events.md).
 */
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
}
