package io.qunyun.member.domain;

import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import io.qunyun.member.domain.ActivityService.NewActivity;

/** What makes an activity sent again the same activity: its member's idempotency key and every field. */
final class IdempotentActivities {

    private IdempotentActivities() {
    }

    static String keyOf(UUID memberId, String idempotencyKey) {
        return memberId + "\u0000" + idempotencyKey;
    }

    /**
     * The idempotency key's first activity must be the one sent again: same type, group, instant (stored to the
     * microsecond) and attributes (amounts by value: the column keeps four decimals). The row holds every field
     * of the request, so it is compared as stored rather than through a hash.
     */
    static void requireSameRequest(Activity first, NewActivity again, String fields) {
        ActivityAttributes attributes = again.attributes() == null ? ActivityAttributes.NONE : again.attributes();
        boolean same = first.type == again.type()
                && Objects.equals(first.groupId, again.groupId())
                && first.occurredAt.equals(again.occurredAt().truncatedTo(ChronoUnit.MICROS))
                && Objects.equals(first.product, attributes.product())
                && (first.amount == null ? attributes.amount() == null
                        : attributes.amount() != null && first.amount.compareTo(attributes.amount()) == 0)
                && Objects.equals(first.currency == null ? null : first.currency.strip(), attributes.currency())
                && Objects.equals(first.contentKind, attributes.contentKind());
        if (!same) {
            throw new IdempotencyKeyReusedException(fields + "idempotencyKey", "was used for another activity ("
                    + first.type + " at " + first.occurredAt + ", id " + first.id + "); send a new key for a new activity");
        }
    }
}
