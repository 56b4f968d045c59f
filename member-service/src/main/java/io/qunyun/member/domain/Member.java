package io.qunyun.member.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "members")
public class Member {

    @Id
    public UUID id;

    @Column(name = "source_system", nullable = false)
    public String sourceSystem;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** Changed only by {@link PointsLedger}, in the transaction that appends the ledger rows. */
    @Column(name = "points_balance", nullable = false, updatable = false, insertable = false)
    public long pointsBalance;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set only by the tier-decisions consumer (SQL), never through this entity. */
    /** Set when this record was merged into another member (the survivor); the row stays as history. */
    @Column(name = "merged_into", insertable = false, updatable = false)
    public java.util.UUID mergedInto;

    @Column(name = "tier", insertable = false, updatable = false)
    public String tier;

    @Column(name = "tier_benefits", insertable = false, updatable = false)
    public String tierBenefits;

    @Column(name = "tier_changed_at", insertable = false, updatable = false)
    public Instant tierChangedAt;

    // Growth over the points not yet expired, maintained with the balance by PointsLedger.
    @Column(name = "growth_purchases", insertable = false, updatable = false)
    public long growthPurchases;

    @Column(name = "growth_content_points", insertable = false, updatable = false)
    public long growthContentPoints;

    @Column(name = "growth_behaviour_points", insertable = false, updatable = false)
    public long growthBehaviourPoints;
}
