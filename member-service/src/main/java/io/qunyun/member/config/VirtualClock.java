package io.qunyun.member.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs at real speed from a movable offset: {@link #advance} jumps ahead (a 30-day camp
 * in minutes), {@link #set} jumps to an instant. Between jumps it keeps ticking, so events recorded
 * one after the other still get increasing times. Thread-safe; shared by the whole service.
 */
public class VirtualClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

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
