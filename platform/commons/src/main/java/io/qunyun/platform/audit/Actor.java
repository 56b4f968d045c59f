package io.qunyun.platform.audit;

import java.util.List;

/**
 * Who did something: a caller (the bearer token's subject, {@code sub}, its roles and, for people reading the
 * log, the display name the token carries; no cause) or the service itself, named {@value #SYSTEM}, with the
 * cause that made it act (a consumed topic, a scheduled job, a startup step), so that every audit entry names
 * someone answerable. The name is {@code sub} because it is stable and unique at the provider, where a
 * username can be renamed or reused; the display name is only shown beside it. Only the factories below make
 * system actors, and they always give a cause.
 */
public record Actor(String name, List<String> roles, String cause, String displayName) {

    public static final String SYSTEM = "system";

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
        roles = roles == null ? List.of() : roles.stream().sorted().toList();
        displayName = displayName == null || displayName.isBlank() ? null : displayName;
    }

    /** An actor without a display name (the service itself, or a caller whose token names none). */
    public Actor(String name, List<String> roles, String cause) {
        this(name, roles, cause, null);
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
