package io.qunyun.campaign.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.qunyun.campaign.domain.CampaignRules.Finding;

/** A community group (社群) with the positioning rules-service decided for it. */
@Entity
@Table(name = "community_group")
public class GroupEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    @Enumerated(EnumType.STRING)
    @Column(name = "aidass_from", nullable = false)
    public AidassStage aidassFrom;

    @Enumerated(EnumType.STRING)
    @Column(name = "aidass_to", nullable = false)
    public AidassStage aidassTo;

    @Column(nullable = false)
    public boolean screened;

    /** Group type as named by the GroupPositioning table (LEAD, CONVERSION, ...). */
    @Column(name = "group_type", nullable = false)
    public String type;

    /** Null means open-ended. */
    @Column(name = "lifespan_hours")
    public Integer lifespanHours;

    public String intensity;

    @Column(name = "primary_metric")
    public String primaryMetric;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "five_w1h", nullable = false)
    public FiveW1H fiveW1H;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Finding> findings;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "positioning_decision", nullable = false)
    public DecisionTrace positioningDecision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "five_w1h_decision", nullable = false)
    public DecisionTrace fiveW1HDecision;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** IANA zone: every local day, slot and quiet hour of this group is computed in it. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** Admission needs a review before joining (brief §3); replicated to member-service. */
    @Column(name = "screening_required", nullable = false)
    public boolean screeningRequired;

    /** ACTIVE until the group is dissolved or transferred (lifecycle issue). */
    @Column(nullable = false)
    public String state;

    @Column(name = "successor_group_id")
    public UUID successorGroupId;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }

    /** The 5W1H answers as given, kept for the review (复盘). */
    public record FiveW1H(String why, String what, String where, String who, OffsetDateTime launchAt,
            Integer lifecycleHours, String how) {
    }

    /** Which table version decided and which of its rows fired. */
    public record DecisionTrace(String table, String tableVersion, List<String> firedRules) {
    }
}
