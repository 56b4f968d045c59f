package io.qunyun.campaign.domain;

import java.time.OffsetDateTime;

/**
 * A group to position and create, as the domain takes it (the REST request is mapped onto it).
 * Missing 5W1H answers are allowed: what a missing answer means is the FiveW1H table's call.
 */
public record NewGroup(String name, Platform platform, AidassStage aidassFrom, AidassStage aidassTo, Boolean screened,
        String why, String what, String where, String who, OffsetDateTime launchAt, Integer lifecycleHours,
        Monetization how, String timeZone, Boolean screeningRequired) {
}
