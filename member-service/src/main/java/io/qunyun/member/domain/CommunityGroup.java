package io.qunyun.member.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** member-service's replica of a campaign-service group (topic group-changes); written only by the consumer. */
@Entity
@Table(name = "community_group")
public class CommunityGroup {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** Group type from the GroupPositioning table (LEAD, CONVERSION, ...); the Admission table may read it. */
    public String type;

    /** IANA zone id: every "local day" of the group is a day in this zone. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "screening_required", nullable = false)
    public boolean screeningRequired;

    @Column(name = "lifespan_hours")
    public Integer lifespanHours;

    @Column(nullable = false)
    public String state;

    @Column(name = "successor_group_id")
    public UUID successorGroupId;

    /** occurredAt of the newest change applied. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
