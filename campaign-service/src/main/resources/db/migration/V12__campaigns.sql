-- Campaign templates: every stored version, content-addressed (version = sha256 of the YAML text).
CREATE TABLE template_version (
    template_id text        NOT NULL,
    version     text        NOT NULL,
    title       text        NOT NULL,
    origin      text        NOT NULL,   -- BUILT_IN (shipped under resources/templates) or UPLOADED
    yaml        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    seq         bigserial   NOT NULL,   -- storage order: "newest" never depends on a (virtual) clock
    PRIMARY KEY (template_id, version)
);

CREATE TABLE campaign (
    id                 uuid        PRIMARY KEY,
    template_id        text        NOT NULL,
    template_version   text        NOT NULL,
    start_date         date        NOT NULL,
    north_star_metric  text        NOT NULL,
    north_star_target  numeric     NOT NULL,
    related_metrics    jsonb       NOT NULL,
    state              text        NOT NULL,   -- SCHEDULED, RUNNING, PAUSED, COMPLETED, CANCELLED
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    FOREIGN KEY (template_id, template_version) REFERENCES template_version (template_id, version)
);

CREATE TABLE campaign_group (
    campaign_id   uuid NOT NULL REFERENCES campaign (id),
    group_id      uuid NOT NULL REFERENCES community_group (id),
    time_zone     text NOT NULL,   -- the group's zone when the timeline was planned
    current_phase text,
    PRIMARY KEY (campaign_id, group_id)
);
CREATE INDEX campaign_group_group_idx ON campaign_group (group_id);

-- One row per occurrence of a step (or phase boundary) for one target: the claim unit of the
-- scheduler. The unique key is the exactly-once guarantee: (campaign, group, step, occurrence, target).
CREATE TABLE campaign_step (
    id            bigserial   PRIMARY KEY,
    campaign_id   uuid        NOT NULL REFERENCES campaign (id),
    group_id      uuid        NOT NULL,
    step_id       text        NOT NULL,   -- template step id, or phase:<NAME> for a phase boundary
    occurrence    integer     NOT NULL,   -- campaign day (member steps: day after the member's join)
    target        text        NOT NULL,   -- 'group', or 'member:<memberId>:<local join date>'
    member_id     uuid,
    kind          text        NOT NULL,   -- STEP or PHASE
    action        text,
    phase         text        NOT NULL,
    day           integer     NOT NULL,
    planned_at    timestamptz NOT NULL,   -- the template's local time, before quiet hours
    due_at        timestamptz NOT NULL,   -- after a quiet-hour hold
    local_due     text        NOT NULL,   -- due_at in the group's zone, ISO local date-time
    staleness_s   bigint      NOT NULL,
    state         text        NOT NULL,   -- PENDING, MATERIALISING, DONE, LATE, SKIPPED, EXPIRED, CANCELLED
    reason        text,
    cursor        text,                   -- audience page reached by an unfinished materialisation
    fired_at      timestamptz,
    UNIQUE (campaign_id, group_id, step_id, occurrence, target)
);
CREATE INDEX campaign_step_due_idx ON campaign_step (due_at) WHERE state IN ('PENDING', 'MATERIALISING');
CREATE INDEX campaign_step_campaign_idx ON campaign_step (campaign_id, due_at);
CREATE INDEX campaign_step_member_idx ON campaign_step (member_id, group_id) WHERE member_id IS NOT NULL;

-- A group-level touch released to delivery adapters (touch-due); one per step row.
CREATE TABLE touch (
    id               uuid        PRIMARY KEY,
    campaign_step_id bigint      NOT NULL UNIQUE REFERENCES campaign_step (id),
    campaign_id      uuid        NOT NULL,
    group_id         uuid        NOT NULL,
    step_id          text        NOT NULL,
    occurrence       integer     NOT NULL,
    action           text        NOT NULL,
    local_month      text        NOT NULL,   -- yyyy-MM in the group's zone (platform limits)
    created_at       timestamptz NOT NULL
);
CREATE INDEX touch_group_month_idx ON touch (group_id, local_month);

-- An operator task naming one member; one per (step row, member).
CREATE TABLE operator_task (
    id               uuid        PRIMARY KEY,
    campaign_step_id bigint      NOT NULL REFERENCES campaign_step (id),
    campaign_id      uuid        NOT NULL,
    group_id         uuid        NOT NULL,
    step_id          text        NOT NULL,
    occurrence       integer     NOT NULL,
    member_id        uuid        NOT NULL,
    membership_id    uuid        NOT NULL,
    assignee_id      uuid,                  -- the staff member (member id) it is assigned to
    assignee_role    text        NOT NULL,
    content_ref      text        NOT NULL,
    tactic           jsonb,                 -- TouchStrategy's answer: action, channel, priority, row, version
    status           text        NOT NULL,  -- OPEN, DONE, SKIPPED, CANCELLED
    reason           text,
    due_at           timestamptz NOT NULL,
    local_date       date        NOT NULL,  -- in the group's zone (contact caps)
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (campaign_step_id, member_id)
);
CREATE INDEX operator_task_member_day_idx ON operator_task (member_id, local_date);
CREATE INDEX operator_task_assignee_idx ON operator_task (assignee_id, status, id);
CREATE INDEX operator_task_role_idx ON operator_task (assignee_role, status, id);
CREATE INDEX operator_task_campaign_idx ON operator_task (campaign_id, id);

-- membership-events already applied (idempotent consumer).
CREATE TABLE processed_event (
    event_id    text        PRIMARY KEY,
    received_at timestamptz NOT NULL
);
