package io.qunyun.member.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.qunyun.member.config.VirtualClock;
import io.qunyun.platform.rest.InvalidParameterException;

/**
 * The virtual clock (qunyun.clock.mode=virtual): read it, move it forward, put it at an instant.
 * With the system clock these paths answer 404, as if they did not exist.
 */
@Path("/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockResource {

    public record ClockResponse(Instant instant, String mode) {
    }

    public record AdvanceRequest(@NotNull String duration) {
    }

    public record SetRequest(@NotNull OffsetDateTime instant) {
    }

    private final Clock clock;

    ClockResource(Clock clock) {
        this.clock = clock;
    }

    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    public ClockResponse get() {
        return new ClockResponse(virtual().instant(), "virtual");
    }

    @RolesAllowed({"admin"})
    @POST
    @Path("advance")
    public ClockResponse advance(@Valid @NotNull AdvanceRequest body) {
        VirtualClock virtual = virtual();
        Duration duration;
        try {
            duration = Duration.parse(body.duration().strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameterException("duration", "must be an ISO-8601 duration, e.g. PT36H or P7D");
        }
        if (duration.isNegative()) {
            throw new InvalidParameterException("duration", "must not be negative");
        }
        Instant target = virtual.after(duration);
        if (target == null || !VirtualClock.settable(target)) {
            throw new InvalidParameterException("duration", "must not move the clock past " + VirtualClock.LATEST);
        }
        return new ClockResponse(virtual.advance(duration), "virtual");
    }

    @RolesAllowed({"admin"})
    @PUT
    public ClockResponse set(@Valid @NotNull SetRequest body) {
        VirtualClock virtual = virtual();
        if (!VirtualClock.settable(body.instant().toInstant())) {
            throw new InvalidParameterException("instant", "must be between " + VirtualClock.EARLIEST + " and "
                    + VirtualClock.LATEST);
        }
        return new ClockResponse(virtual.set(body.instant().toInstant()), "virtual");
    }

    private VirtualClock virtual() {
        if (clock instanceof VirtualClock virtual) {
            return virtual;
        }
        throw new NotFoundException("The clock endpoints exist only with qunyun.clock.mode=virtual");
    }
}
