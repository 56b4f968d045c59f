-- A member in a group. Never deleted: leaving sets left_at, exit_kind and reason. At most one open
-- membership per member and group; a rejoin is a new row, so the old one keeps its exit.
CREATE TABLE memberships (
    id                     uuid         PRIMARY KEY,
    member_id              uuid         NOT NULL REFERENCES members (id),
    group_id               uuid         NOT NULL REFERENCES community_group (id),
    roles                  text[]       NOT NULL DEFAULT '{}',
    -- true when any role is a staff role: staff never count as members in audiences and metrics
    staff                  boolean      NOT NULL,
    layer                  varchar(16)  NOT NULL,
    stage                  varchar(32)  NOT NULL,
    activity_state         varchar(16)  NOT NULL,
    joined_at              timestamptz  NOT NULL,
    -- how the member got in: DIRECT, SCREENED (an approved application), INVITATION, STAFF
    admitted_via           varchar(16)  NOT NULL,
    application_id         uuid,
    invited_from_group_id  uuid,
    added_by               uuid,
    left_at                timestamptz,
    exit_kind              varchar(32),
    exit_reason            text,
    -- what ended it: a reward decision id, a reviewer's member id, a successor group id
    exit_reference         varchar(200),
    -- facts the MemberStanding table decides on, maintained from the member's recorded activities
    interactions           integer      NOT NULL DEFAULT 0,
    purchases              integer      NOT NULL DEFAULT 0,
    shares                 integer      NOT NULL DEFAULT 0,
    contributions          integer      NOT NULL DEFAULT 0,
    last_activity_at       timestamptz,
    last_check_in_at       timestamptz,
    last_contribution_at   timestamptz,
    -- when the standing is next evaluated: now after an activity, a day later after an evaluation
    next_standing_check_at timestamptz,
    CONSTRAINT ck_memberships_exit CHECK ((left_at IS NULL) = (exit_kind IS NULL))
);

CREATE UNIQUE INDEX uq_memberships_open ON memberships (member_id, group_id) WHERE left_at IS NULL;
-- a group's open memberships in id order: member lists and audience pages of a few groups
CREATE INDEX ix_memberships_group_open ON memberships (group_id, id) WHERE left_at IS NULL;
-- a member's groups, and the previous membership when a former member asks to rejoin
CREATE INDEX ix_memberships_member ON memberships (member_id, joined_at DESC);
-- the standing sweep picks the open memberships that are due
CREATE INDEX ix_memberships_standing_due ON memberships (next_standing_check_at) WHERE left_at IS NULL;

-- Applications to a group that screens (and invitations into one): a reviewer decides.
CREATE TABLE membership_applications (
    id                    uuid         PRIMARY KEY,
    member_id             uuid         NOT NULL REFERENCES members (id),
    group_id              uuid         NOT NULL REFERENCES community_group (id),
    answers               jsonb        NOT NULL DEFAULT '[]',
    state                 varchar(16)  NOT NULL,
    invited_from_group_id uuid,
    invited_by            uuid,
    -- the Admission decision on a former member, when there was one
    admission_rule        text,
    submitted_at          timestamptz  NOT NULL,
    reviewer_id           uuid,
    decided_at            timestamptz,
    decision_reason       text,
    membership_id         uuid
);
-- one pending application per member and group
CREATE UNIQUE INDEX uq_applications_pending ON membership_applications (member_id, group_id) WHERE state = 'PENDING';
CREATE INDEX ix_applications_group ON membership_applications (group_id, id);

-- Append-only history of every standing and role change of a membership.
CREATE TABLE membership_history (
    id             bigserial    PRIMARY KEY,
    membership_id  uuid         NOT NULL REFERENCES memberships (id),
    member_id      uuid         NOT NULL,
    group_id       uuid         NOT NULL,
    -- STAGE, ACTIVITY_STATE, LAYER, ROLES
    dimension      varchar(16)  NOT NULL,
    from_value     text,
    to_value       text         NOT NULL,
    decided_by     text,
    table_version  text,
    changed_at     timestamptz  NOT NULL
);
CREATE INDEX ix_membership_history_member ON membership_history (member_id, changed_at, id);

CREATE FUNCTION membership_history_reject_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'membership_history is append-only (% rejected)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER membership_history_append_only
    BEFORE UPDATE OR DELETE ON membership_history
    FOR EACH STATEMENT EXECUTE FUNCTION membership_history_reject_change();

-- the timeline reads a member's activities in time order
CREATE INDEX ix_activities_member_time ON activities (member_id, occurred_at, id);
