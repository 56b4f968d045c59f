package io.qunyun.member.messaging;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.member.domain.CommunityGroup;
import io.qunyun.platform.events.CloudEventReader;
import io.qunyun.platform.events.GroupChanged;
import io.qunyun.platform.events.InvalidEventException;

/**
 * Reads an io.qunyun.campaign.group.changed.v1 envelope (docs/events.md) into the group replica row.
 * Unknown fields are ignored; a record the replica cannot hold faithfully is rejected with a reason
 * ({@link GroupChanged}'s constraints are the replica's columns).
 */
@ApplicationScoped
public class GroupChangeParser {

    public static final String EVENT_TYPE = GroupChanged.EVENT_TYPE;

    private final CloudEventReader reader;

    public GroupChangeParser(CloudEventReader reader) {
        this.reader = reader;
    }

    /** @throws InvalidEventException with the dead-letter reason */
    public CommunityGroup parse(byte[] value) {
        CloudEventReader.Envelope envelope = reader.envelope(value, EVENT_TYPE, false);
        GroupChanged data = reader.data(envelope, GroupChanged.class, "group change");
        CommunityGroup group = new CommunityGroup();
        group.id = data.groupId();
        group.name = data.name();
        group.type = data.type();
        group.timeZone = data.timeZone() == null ? GroupChanged.DEFAULT_TIME_ZONE : data.timeZone();
        try {
            ZoneId.of(group.timeZone);
        } catch (DateTimeException e) {
            throw new InvalidEventException("invalid group change: data.timeZone is not an IANA time zone id: "
                    + group.timeZone);
        }
        group.screeningRequired = Boolean.TRUE.equals(data.screeningRequired());
        group.lifespanHours = data.lifespanHours();
        group.state = data.state();
        group.successorGroupId = data.successorGroupId();
        Instant occurred = data.occurredAt() != null ? data.occurredAt() : envelope.time();
        if (occurred == null) {
            throw new InvalidEventException("invalid group change: data.occurredAt is missing");
        }
        group.updatedAt = occurred;
        return group;
    }
}
