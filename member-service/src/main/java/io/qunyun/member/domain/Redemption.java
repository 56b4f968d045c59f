package io.qunyun.member.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A reward a member redeemed; its ledger row (kind REDEMPTION) has this id as activity id. */
@Entity
@Immutable
@Table(name = "redemptions")
public class Redemption {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "reward_id", nullable = false)
    public UUID rewardId;

    @Column(nullable = false)
    public int cost;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(name = "redeemed_at", nullable = false)
    public Instant redeemedAt;
}
