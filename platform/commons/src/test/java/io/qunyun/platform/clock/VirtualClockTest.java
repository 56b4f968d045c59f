package io.qunyun.platform.clock;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private static final Instant REAL = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void startsAtTheGivenInstantAndJumpsForwardByAdvance() {
        VirtualClock clock = new VirtualClock(Clock.fixed(REAL, ZoneOffset.UTC), Instant.parse("2026-08-21T00:00:00Z"));
        assertEquals(Instant.parse("2026-08-21T00:00:00Z"), clock.instant());
        assertEquals(Instant.parse("2026-08-22T12:00:00Z"), clock.advance(Duration.parse("PT36H")));
        assertEquals(Instant.parse("2026-08-22T12:00:00Z"), clock.instant());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), clock.set(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void keepsTickingBetweenJumps() throws InterruptedException {
        VirtualClock clock = new VirtualClock(Clock.systemUTC(), Instant.parse("2026-08-21T00:00:00Z"));
        Instant first = clock.instant();
        Thread.sleep(20);
        assertTrue(clock.instant().isAfter(first));
    }

    @Test
    void aZoneViewMovesWithTheClock() {
        VirtualClock clock = new VirtualClock(Clock.fixed(REAL, ZoneOffset.UTC), Instant.parse("2026-08-21T15:59:59Z"));
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
        assertEquals(LocalDate.parse("2026-08-21"), LocalDate.now(shanghai));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(LocalDate.parse("2026-08-22"), LocalDate.now(shanghai));
    }

    @Test
    void prodRefusesAVirtualClockUnlessTheProfileIsDemo() {
        assertThrows(IllegalStateException.class,
                () -> ClockProducer.refuseVirtualClockInProduction(ClockConfig.Mode.VIRTUAL, List.of("prod")));
        assertDoesNotThrow(
                () -> ClockProducer.refuseVirtualClockInProduction(ClockConfig.Mode.VIRTUAL, List.of("demo", "prod")));
        assertDoesNotThrow(() -> ClockProducer.refuseVirtualClockInProduction(ClockConfig.Mode.SYSTEM, List.of("prod")));
        assertDoesNotThrow(() -> ClockProducer.refuseVirtualClockInProduction(ClockConfig.Mode.VIRTUAL, List.of("test")));
    }

    @Test
    void aFrozenClockMovesOnlyWhenToldAndOnlyForward() {
        VirtualClock clock = VirtualClock.frozen(Instant.parse("2026-08-21T00:00:00Z"));
        assertEquals(Instant.parse("2026-08-21T00:00:00Z"), clock.instant());
        assertEquals(Instant.parse("2026-08-22T12:00:00Z"), clock.advance(Duration.parse("PT36H")));
        assertEquals(Instant.parse("2026-08-22T12:00:00Z"), clock.instant());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofHours(-1)));
        assertEquals(Instant.parse("2026-09-01T00:00:00Z"), clock.set(Instant.parse("2026-09-01T00:00:00Z")));
        assertEquals(Instant.parse("2026-09-01T00:00:00Z"), clock.instant());
    }
}
