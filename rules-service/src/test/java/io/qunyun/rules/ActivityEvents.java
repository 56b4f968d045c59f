package io.qunyun.rules;

import java.util.UUID;

/** Builds member-activities envelopes for tests. */
public final class ActivityEvents {

    private ActivityEvents() {
    }

    public static String activity(UUID activityId, UUID memberId, String type, UUID groupId) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.qunyun.member.activity.recorded.v1",
                 "source":"/member-service","time":"2026-11-21T08:15:00Z","subject":"%s",
                 "datacontenttype":"application/json",
                 "data":{"activityId":"%s","memberId":"%s","type":"%s",%s"occurredAt":"2026-11-21T08:14:58Z"}}
                """.formatted(activityId, memberId, activityId, memberId, type,
                groupId == null ? "" : "\"groupId\":\"" + groupId + "\",");
    }
}
