package io.qunyun.campaign.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to (POST /clock/advance, PUT /clock), so that a 30-day camp
 * runs in seconds in tests and the demo. Always UTC: local days are computed from group zones.
 */
public final class VirtualClock extends Clock {

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


    private final AtomicReference<Instant> now;

    public VirtualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // A zoned view would stop following advance(): callers convert instants themselves.
        throw new UnsupportedOperationException("the virtual clock is UTC; convert instants with a ZoneId");
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves forward only: time going backwards would re-open claimed slots. */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        return now.updateAndGet(t -> t.plus(duration));
    }

    public Instant set(Instant instant) {
        now.set(instant);
        return instant;
    }
}
