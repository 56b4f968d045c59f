package io.qunyun.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One credited reward decision. Read-only for Hibernate: rows are appended by
 * {@link PointsLedger#appendIfAbsent} and never changed.
 */
@Entity
@Immutable
@Table(name = "points_ledger")
public class LedgerEntry {

    @Id
    public Long id;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "activity_id")
    public UUID activityId;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "activity_type")
    public String activityType;

    public int points;

    public String reason;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "fired_rules", columnDefinition = "text[]")
    public String[] firedRules;

    @Column(name = "table_version")
    public String tableVersion;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "credited_at")
    public Instant creditedAt;

    /** REWARD, EXPIRY, REDEMPTION or TRANSFER (LedgerKind). */
    public String kind;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "local_day")
    public LocalDate localDay;

    public boolean penalty;

    @Column(name = "growth_input")
    public String growthInput;

    /** The PointsPolicy row that capped this reward to 0 points; null when not capped. */
    @Column(name = "capped_by")
    public String cappedBy;

    @Column(name = "policy_version")
    public String policyVersion;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** EXPIRY: the REWARD row whose points expired. */
    @Column(name = "refers_to")
    public Long refersTo;
}
