package io.qunyun.platform.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.arc.properties.IfBuildProperty;
import io.qunyun.platform.clock.ClockMoved;
import io.qunyun.platform.clock.VirtualClock;

/**
 * The virtual clock (qunyun.clock.mode=virtual): read it, move it forward, put it at an instant. With the
 * system clock these paths answer 404, as if they did not exist. A service whose clock is never virtual
 * leaves the paths out at build time (qunyun.clock.endpoints=false: rules-service).
 */
@Path("/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clock", description = "The virtual clock of tests and the demo")
@IfBuildProperty(name = "qunyun.clock.endpoints", stringValue = "true", enableIfMissing = true)
public class ClockResource {

    /** {@code mode} (member-service's clients) and {@code virtual} (campaign-service's) say the same. */
    public record ClockResponse(Instant instant, String mode, boolean virtual) {

        static ClockResponse of(Instant instant) {
            return new ClockResponse(instant, "virtual", true);
        }
    }

    public record AdvanceRequest(@NotNull String duration) {
    }

    public record SetRequest(@NotNull OffsetDateTime instant) {
    }

    private final Clock clock;
    private final Event<ClockMoved> moved;

    ClockResource(Clock clock, Event<ClockMoved> moved) {
        this.clock = clock;
        this.moved = moved;
    }

    @RolesAllowed({"operator", "analyst", "reviewer", "integration", "admin"})
    @GET
    @Operation(summary = "Read the clock")
    public ClockResponse get() {
        return ClockResponse.of(virtual().instant());
    }

    @RolesAllowed({"admin"})
    @POST
    @Path("advance")
    @Operation(summary = "Move the virtual clock forward (an ISO-8601 duration), then run what became due",
            description = "Jobs that became due run before the answer (campaign-service: the scheduler and the "
                    + "lifecycle job), so the outcome of a jump is visible at once.")
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
        return moved(virtual.advance(duration));
    }

    @RolesAllowed({"admin"})
    @PUT
    @Operation(summary = "Set the virtual clock, then run what became due")
    public ClockResponse set(@Valid @NotNull SetRequest body) {
        VirtualClock virtual = virtual();
        if (!VirtualClock.settable(body.instant().toInstant())) {
            throw new InvalidParameterException("instant", "must be between " + VirtualClock.EARLIEST + " and "
                    + VirtualClock.LATEST);
        }
        return moved(virtual.set(body.instant().toInstant()));
    }

    private ClockResponse moved(Instant now) {
        moved.fire(new ClockMoved(now));
        return ClockResponse.of(now);
    }

    private VirtualClock virtual() {
        if (clock instanceof VirtualClock virtual) {
            return virtual;
        }
        throw new NotFoundException("The clock endpoints exist only with qunyun.clock.mode=virtual");
    }
}
