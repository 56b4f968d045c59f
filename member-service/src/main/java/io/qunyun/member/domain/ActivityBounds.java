package io.qunyun.member.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.qunyun.member.config.ActivitiesConfig;
import io.qunyun.member.domain.ActivityService.NewActivity;

/** How far from the service's clock an activity may be dated (qunyun.activities.max-future / max-age). */
@ApplicationScoped
public class ActivityBounds {

    private final Clock clock;
    private final ActivitiesConfig bounds;

    ActivityBounds(Clock clock, ActivitiesConfig bounds) {
        this.clock = clock;
        this.bounds = bounds;
    }

    /**
     * Refuses the whole call when an activity is dated outside the configured bounds around the clock.
     *
     * @param fields the prefix of a field's name as the client sent it ("" for one activity, else indexed)
     */
    void check(List<NewActivity> batch, String fields) {
        Instant now = Instant.now(clock);
        Instant latest = now.plus(bounds.maxFuture());
        Instant earliest = now.minus(bounds.maxAge());
        for (int i = 0; i < batch.size(); i++) {
            Instant at = batch.get(i).occurredAt();
            if (at.isAfter(latest)) {
                throw new InvalidRequestException(fields.formatted(i) + "occurredAt", "must not be more than "
                        + bounds.maxFuture() + " after the service's clock (" + now + ")");
            }
            if (at.isBefore(earliest)) {
                throw new InvalidRequestException(fields.formatted(i) + "occurredAt", "must not be more than "
                        + bounds.maxAge() + " before the service's clock (" + now + ")");
            }
        }
    }
}
