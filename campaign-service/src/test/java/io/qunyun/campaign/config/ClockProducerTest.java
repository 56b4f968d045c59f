package io.qunyun.campaign.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The virtual clock moves only when told to, and production refuses to run on it. */
class ClockProducerTest {

    @Test
    void productionRefusesTheVirtualClockUnlessItIsTheDemo() {
        assertThrows(IllegalStateException.class, () -> ClockProducer.check(ClockConfig.Mode.virtual, List.of("prod")));
        assertDoesNotThrow(() -> ClockProducer.check(ClockConfig.Mode.virtual, List.of("demo", "prod")));
        assertDoesNotThrow(() -> ClockProducer.check(ClockConfig.Mode.virtual, List.of("test")));
        assertDoesNotThrow(() -> ClockProducer.check(ClockConfig.Mode.system, List.of("prod")));
    }

    @Test
    void virtualClockMovesOnlyForward() {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-08-21T00:00:00Z"));
        assertEquals(Instant.parse("2026-08-22T12:00:00Z"), clock.advance(Duration.parse("PT36H")));
        assertEquals(Instant.parse("2026-08-22T12:00:00Z"), clock.instant());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofHours(-1)));
        assertEquals(Instant.parse("2026-09-01T00:00:00Z"), clock.set(Instant.parse("2026-09-01T00:00:00Z")));
    }
}
