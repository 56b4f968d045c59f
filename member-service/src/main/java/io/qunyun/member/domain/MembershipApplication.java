package io.qunyun.member.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An application to join a group that screens (or an invitation into one), decided by a reviewer. */
@Entity
@Table(name = "membership_applications")
public class MembershipApplication {

    public enum State {
        PENDING, APPROVED, REJECTED
    }

    /** One screening question and the applicant's answer. */
    public record Answer(String question, String answer) {
    }

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Column(name = "group_id", nullable = false, updatable = false)
    public UUID groupId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false, updatable = false)
    public List<Answer> answers;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "invited_from_group_id", updatable = false)
    public UUID invitedFromGroupId;

    @Column(name = "invited_by", updatable = false)
    public UUID invitedBy;

    @Column(name = "admission_rule", updatable = false)
    public String admissionRule;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public Instant submittedAt;

    @Column(name = "reviewer_id")
    public UUID reviewerId;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "membership_id")
    public UUID membershipId;
}
