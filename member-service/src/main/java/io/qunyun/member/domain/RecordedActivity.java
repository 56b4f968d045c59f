package io.qunyun.member.domain;


/** @param created false when the idempotency key was used before and {@code activity} is the original */
public record RecordedActivity(Activity activity, boolean created) {
}
