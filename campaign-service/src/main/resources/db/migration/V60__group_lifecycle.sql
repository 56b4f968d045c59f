-- Group lifecycle (issue 8): metrics facts, the roster campaign-service learns from membership-events,
-- lifecycle actions (the audit of every automatic action) and the tasks they create.

-- Who is (was) in a group, from membership-events: the denominators of the metrics (staff excluded).
CREATE TABLE group_member (
    membership_id uuid        PRIMARY KEY,
    group_id      uuid        NOT NULL,
    member_id     uuid        NOT NULL,
    staff         boolean     NOT NULL,
    layer         text,
    joined_at     timestamptz NOT NULL,
    left_at       timestamptz
);
CREATE INDEX group_member_group_idx ON group_member (group_id, joined_at);

-- One row per event that counts towards a group's metrics (activities, joins, exits). The primary key
-- is the event id: a redelivered or duplicated event is stored once, a late one lands on its own
-- local day (metrics are computed from these rows when read or reported, never accumulated).
CREATE TABLE group_fact (
    event_id       text        PRIMARY KEY,
    group_id       uuid        NOT NULL,
    member_id      uuid,
    kind           text        NOT NULL,   -- activity type (CHECK_IN, CONTENT_POST, PURCHASE, ...), JOINED, LEFT
    staff          boolean     NOT NULL DEFAULT false,
    occurred_at    timestamptz NOT NULL,
    local_day      date        NOT NULL,   -- in the group's time zone
    amount         numeric,                -- purchases: the amount paid
    campaign_phase text,
    received_at    timestamptz NOT NULL
);
CREATE INDEX group_fact_day_idx ON group_fact (group_id, local_day);

-- The local days whose metrics were published on group-metrics (one report per group and day).
CREATE TABLE group_metrics_report (
    group_id    uuid        NOT NULL,
    local_day   date        NOT NULL,
    event_id    uuid        NOT NULL,
    reported_at timestamptz NOT NULL,
    PRIMARY KEY (group_id, local_day)
);

-- Every automatic (or operator-started) lifecycle action with the decision that caused it.
CREATE TABLE lifecycle_action (
    id                 uuid        PRIMARY KEY,
    group_id           uuid        NOT NULL REFERENCES community_group (id),
    cause              text        NOT NULL,   -- GROUP_HEALTH, LIFESPAN_EXPIRY
    decision_id        text        UNIQUE,     -- health decision id, or expiry:<group>: one action per decision
    verdict            text        NOT NULL,   -- OK, REVIVE, TRANSFER_ACTIVE, DISSOLVE
    revive_kind        text,
    message            text,
    decision_table     text,
    table_version      text,
    decided_by         text,
    fired_rules        jsonb       NOT NULL,
    successor_group_id uuid,
    state              text        NOT NULL,   -- RUNNING, DONE, SKIPPED
    reason             text,
    close_at           timestamptz,            -- when memberships are closed (after the goodbye)
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX lifecycle_action_group_idx ON lifecycle_action (group_id, created_at);
CREATE INDEX lifecycle_action_running_idx ON lifecycle_action (state) WHERE state = 'RUNNING';

-- Tasks of an action: REVIVE (group), GOODBYE (group), INVITE (one member to the successor group).
CREATE TABLE lifecycle_task (
    id              uuid        PRIMARY KEY,
    action_id       uuid        NOT NULL REFERENCES lifecycle_action (id),
    group_id        uuid        NOT NULL,
    kind            text        NOT NULL,
    member_id       uuid,
    layer           text,
    rank            integer     NOT NULL,   -- invitation order: promising members first
    target_group_id uuid,
    content         text,
    status          text        NOT NULL,   -- OPEN, DONE, JOINED, PENDING_REVIEW, REFUSED
    outcome         text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
-- One invitation per member and action, one group task per kind and action: a replanned or
-- redelivered action never creates a second one.
CREATE UNIQUE INDEX lifecycle_task_once_idx ON lifecycle_task (action_id, kind, coalesce(member_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX lifecycle_task_open_idx ON lifecycle_task (kind, status, rank) WHERE status = 'OPEN';

-- Group states and successor links (the group matrix): community_group.state and successor_group_id.
ALTER TABLE community_group ADD COLUMN state_changed_at timestamptz;
