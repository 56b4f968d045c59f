package io.qunyun.campaign.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.qunyun.campaign.config.VirtualClock;
import io.qunyun.campaign.domain.campaign.Scheduler;
import io.qunyun.platform.rest.InvalidParameterException;
import io.qunyun.platform.rest.ProblemException;

/** Moves the virtual clock (test and demo profiles only; 404 on the system clock). */
@Path("/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clock", description = "The virtual clock of tests and the demo")
public class ClockResource {

    @Inject
    Clock clock;

    @Inject
    Scheduler scheduler;

    @Inject
    io.qunyun.campaign.domain.lifecycle.LifecycleJob lifecycle;

    public record ClockView(Instant instant, boolean virtual) {
    }

    public record Advance(@NotNull Duration duration) {
    }

    public record SetInstant(@NotNull Instant instant) {
    }

    @RolesAllowed({"operator", "analyst", "admin"})
    @GET
    @Operation(summary = "Read the clock")
    public ClockView get() {
        return new ClockView(virtual().instant(), true);
    }

    @RolesAllowed({"admin"})
    @POST
    @Path("/advance")
    @Operation(summary = "Move the virtual clock forward, then run the scheduler once",
            description = "Running the scheduler right away makes the outcome of a jump visible at once; "
                    + "the periodic run would do the same a moment later.")
    public ClockView advance(@NotNull @jakarta.validation.Valid Advance body) {
        if (body.duration().isNegative()) {
            throw new InvalidParameterException("duration", "must not be negative");
        }
        Instant target = virtual().after(body.duration());
        if (target == null || !VirtualClock.settable(target)) {
            throw new InvalidParameterException("duration", "must not move the clock past " + VirtualClock.LATEST);
        }
        Instant now = virtual().advance(body.duration());
        scheduler.runOnce();
        lifecycle.runOnce();
        return new ClockView(now, true);
    }

    @RolesAllowed({"admin"})
    @PUT
    @Operation(summary = "Set the virtual clock")
    public ClockView set(@NotNull @jakarta.validation.Valid SetInstant body) {
        if (!VirtualClock.settable(body.instant())) {
            throw new InvalidParameterException("instant", "must be between " + VirtualClock.EARLIEST + " and "
                    + VirtualClock.LATEST);
        }
        Instant now = virtual().set(body.instant());
        scheduler.runOnce();
        lifecycle.runOnce();
        return new ClockView(now, true);
    }

    private VirtualClock virtual() {
        if (clock instanceof VirtualClock v) {
            return v;
        }
        throw ProblemException.notFound("the virtual clock (qunyun.clock.mode=system)");
    }
}
