package io.qunyun.platform.audit;

import java.util.List;

/**
 * Who did something: a caller (the bearer token's principal name and its roles, no cause) or the service
 * itself, named {@value #SYSTEM}, with the cause that made it act (a consumed topic, a scheduled job, a
 * startup step), so that every audit entry names someone answerable. Only the factories below make system
 * actors, and they always give a cause.
 */
public record Actor(String name, List<String> roles, String cause) {

    public static final String SYSTEM = "system";

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
        roles = roles == null ? List.of() : roles.stream().sorted().toList();
    }

    /** The service acting on a record of {@code topic}. */
    public static Actor consumer(String topic) {
        return new Actor(SYSTEM, List.of(), "consumer:" + topic);
    }

    /** The service acting in its scheduled job {@code job}. */
    public static Actor scheduler(String job) {
        return new Actor(SYSTEM, List.of(), "scheduler:" + job);
    }

    /** The service acting while it starts (e.g. storing what a new release ships). */
    public static Actor startup(String step) {
        return new Actor(SYSTEM, List.of(), "startup:" + step);
    }
}
