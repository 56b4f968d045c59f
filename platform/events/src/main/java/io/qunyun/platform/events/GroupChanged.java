package io.qunyun.platform.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Payload of {@code io.qunyun.campaign.group.changed.v1} on group-changes (key = group id). Published by
 * campaign-service; member-service keeps its group replica from it, so the constraints are the replica's columns.
 * {@code occurredAt} may be absent (older publishers): the envelope time stands for it.
 */
public record GroupChanged(
        @NotNull(message = "is missing") UUID groupId,
        @NotBlank(message = "is missing or blank") @Size(max = 200) @Pattern(regexp = RewardDecided.NO_NUL,
                message = RewardDecided.NUL_MESSAGE) String name,
        @Size(max = 32) @Pattern(regexp = RewardDecided.NO_NUL, message = RewardDecided.NUL_MESSAGE) String type,
        @Pattern(regexp = RewardDecided.NO_NUL, message = RewardDecided.NUL_MESSAGE) String timeZone,
        Boolean screeningRequired,
        @PositiveOrZero Integer lifespanHours,
        @NotBlank(message = "is missing or blank") @Size(max = 32) @Pattern(regexp = RewardDecided.NO_NUL,
                message = RewardDecided.NUL_MESSAGE) String state,
        UUID successorGroupId,
        Instant occurredAt) {

    public static final String EVENT_TYPE = "io.qunyun.campaign.group.changed.v1";
    public static final String TOPIC = "group-changes";

    /** The contract: a group without a time zone lives in China Standard Time. */
    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";
}
