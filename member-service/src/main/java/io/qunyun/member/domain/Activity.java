package io.qunyun.member.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;


/** Something a member did; immutable once recorded (the event about it may already be out). */
@Entity
@Immutable
@Table(name = "activities")
public class Activity {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityType type;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    // Optional attributes (purchase: product, amount, currency; content: kind).
    public String product;

    public BigDecimal amount;

    public String currency;

    @Column(name = "content_kind")
    public String contentKind;

    // The Rewards context sent with the event, as it was when the activity was recorded.
    @Column(name = "streak_days")
    public Integer streakDays;

    @Column(name = "campaign_phase")
    public String campaignPhase;

    @Column(name = "member_tier")
    public String memberTier;

    @Column(name = "prior_offences")
    public Integer priorOffences;
}
