package io.qunyun.member.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.qunyun.member.domain.ActivityType;

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
}
