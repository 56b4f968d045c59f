package io.qunyun.member.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;


/** A member in a group; ended (never deleted) by setting leftAt, exitKind and exitReason. */
@Entity
@Table(name = "memberships")
public class Membership {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Column(name = "group_id", nullable = false, updatable = false)
    public UUID groupId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public String[] roles;

    @Column(nullable = false)
    public boolean staff;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CircleLayer layer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RelationshipStage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "activity_state", nullable = false)
    public ActivityState activityState;

    @Column(name = "joined_at", nullable = false, updatable = false)
    public Instant joinedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "admitted_via", nullable = false, updatable = false)
    public AdmissionPath admittedVia;

    @Column(name = "application_id", updatable = false)
    public UUID applicationId;

    @Column(name = "invited_from_group_id", updatable = false)
    public UUID invitedFromGroupId;

    @Column(name = "added_by", updatable = false)
    public UUID addedBy;

    @Column(name = "left_at")
    public Instant leftAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "exit_kind")
    public ExitKind exitKind;

    @Column(name = "exit_reason")
    public String exitReason;

    @Column(name = "exit_reference")
    public String exitReference;

    public int interactions;

    public int purchases;

    public int shares;

    public int contributions;

    @Column(name = "last_activity_at")
    public Instant lastActivityAt;

    @Column(name = "last_check_in_at")
    public Instant lastCheckInAt;

    @Column(name = "last_contribution_at")
    public Instant lastContributionAt;

    @Column(name = "next_standing_check_at")
    public Instant nextStandingCheckAt;

    public boolean isOpen() {
        return leftAt == null;
    }
}
