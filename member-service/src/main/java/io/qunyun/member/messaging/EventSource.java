package io.qunyun.member.messaging;

/** The CloudEvents {@code source} of every event member-service publishes. */
final class EventSource {

    static final String SOURCE = "/member-service";

    private EventSource() {
    }
}
