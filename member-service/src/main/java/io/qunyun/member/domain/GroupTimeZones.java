package io.qunyun.member.domain;

import java.time.ZoneId;
import java.util.UUID;

/** The time zone of a group: every "local day" (caps, streaks) is the group's day. */
public interface GroupTimeZones {

    /** @param groupId null for an activity outside any group: the default zone */
    ZoneId of(UUID groupId);
}
