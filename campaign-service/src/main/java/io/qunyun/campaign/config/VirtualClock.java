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
