package io.qunyun.campaign.messaging;

/** The CloudEvents {@code source} of every event campaign-service publishes. */
final class EventSource {

    static final String SOURCE = "/campaign-service";

    private EventSource() {
    }
}
