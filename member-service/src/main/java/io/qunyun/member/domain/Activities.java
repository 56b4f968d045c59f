package io.qunyun.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Port: the activities table (implemented by persistence.ActivityRepository). */
public interface Activities {

    /** What recording activities needs to know of a member, read before anything is written. */
    record RecordingFacts(String tier, int priorOffences, Map<String, UUID> activityIdsByKey) {
    }

    Optional<Activity> byId(UUID id);

    /** Inserts the activities whose (member, key) is not taken, in one statement; per activity: inserted. */
    boolean[] insertAllIfAbsent(List<Activity> batch);

    /** Per existing member: tier, prior offences and which of the sent (member, key) pairs were used before. */
    Map<UUID, RecordingFacts> recordingFacts(List<UUID> memberIds, List<String> keys);

    int checkInStreak(UUID memberId, UUID groupId, ZoneId zone, LocalDate day);

    List<Activity> page(UUID memberId, Instant afterRecordedAt, UUID afterId, int limit);

    List<Activity> loadByIds(List<UUID> ids);

    Optional<Activity> findByIdempotencyKey(UUID memberId, String idempotencyKey);
}
