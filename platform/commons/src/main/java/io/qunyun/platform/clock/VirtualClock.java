package io.qunyun.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs from a movable offset over a base clock: {@link #advance} jumps ahead (a 30-day camp
 * in minutes), {@link #set} jumps to an instant. Over the system clock it keeps ticking between jumps, so
 * events recorded one after the other still get increasing times ({@link #ticking}); over a fixed clock it
 * only moves when told to, so due times in tests are exact ({@link #frozen}, qunyun.clock.frozen). Always
 * UTC. Thread-safe; shared by the whole service.
 */
public class VirtualClock extends Clock {

    /**
     * Where the clock may be put (PUT /clock, POST /clock/advance): instants PostgreSQL's timestamptz stores and
     * java.time can still add years to. A clock beyond them made every write fail (found by FuzzTest).
     */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Whether the clock may be put at {@code instant}. */
    public static boolean settable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** Where {@link #advance} by {@code duration} would put the clock, or null when java.time cannot say. */
    public Instant after(Duration duration) {
        try {
            return instant().plus(duration);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    private final Clock base;
    private final AtomicReference<Duration> offset;

    /** Runs at real speed from {@code start}. */
    public static VirtualClock ticking(Instant start) {
        return new VirtualClock(Clock.systemUTC(), start);
    }

    /** Stands at {@code start} until moved. */
    public static VirtualClock frozen(Instant start) {
        return new VirtualClock(Clock.fixed(start, ZoneOffset.UTC), start);
    }

    public VirtualClock(Clock base, Instant start) {
        this.base = base;
        this.offset = new AtomicReference<>(Duration.between(base.instant(), start));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that moves with this clock (java.time needs it for e.g. LocalDate.now(clock)). */
    @Override
    public Clock withZone(ZoneId zone) {
        VirtualClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }

    /** Moves the clock forward; a negative duration is refused (time never goes back by accident). */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        return base.instant().plus(offset.updateAndGet(current -> current.plus(duration)));
    }

    /** Puts the clock at {@code instant} (forwards or backwards: demos restart from a known day). */
    public Instant set(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
        return instant();
    }
}
