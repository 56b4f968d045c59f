package io.qunyun.platform.rest;

/**
 * How this service answers a query or body parameter the shared resources (AuditResource, ClockResource)
 * validate themselves: the exception its problem mappers turn into a 400 naming the parameter
 * (docs/errors.md). Each service provides one bean, so the shared resources answer in the service's own
 * problem+json vocabulary.
 */
public interface InvalidParameters {

    /** The exception to throw for {@code parameter}, with {@code message} saying what is wrong with it. */
    RuntimeException invalid(String parameter, String message);
}
