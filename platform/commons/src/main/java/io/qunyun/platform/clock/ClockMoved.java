package io.qunyun.platform.clock;

import java.time.Instant;

/**
 * Fired (synchronously) after PUT /clock or POST /clock/advance moved the virtual clock to {@code now}, so a
 * service can run its due jobs at once (campaign-service: the scheduler and the lifecycle job) and the
 * outcome of a jump is visible in the answer's wake rather than a scheduler period later.
 */
public record ClockMoved(Instant now) {
}
