package io.qunyun.platform.messaging;

/** Fired when a transaction wrote outbox rows; observed after its commit to wake the relay. */
public record OutboxWritten(String topic) {
}
