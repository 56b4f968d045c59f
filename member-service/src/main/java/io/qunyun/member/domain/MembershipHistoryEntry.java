package io.qunyun.member.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One change of a membership's stage, activity state, layer or roles; the table is append-only. */
@Entity
@Immutable
@Table(name = "membership_history")
public class MembershipHistoryEntry {

    public enum Dimension {
        STAGE, ACTIVITY_STATE, LAYER, ROLES
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "membership_id", nullable = false)
    public UUID membershipId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Dimension dimension;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value", nullable = false)
    public String toValue;

    /** The decision-table row that decided, or who changed it (roles). */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "table_version")
    public String tableVersion;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
