-- issue 6, points side: activity attributes and reward context, credit caps and expiry in the ledger,
-- growth counters and tiers, the group's campaign phase, the rewards catalogue and redemptions.

-- Optional attributes (purchase: product, amount, currency; content: kind) and the context sent with
-- the event, kept so the event can be explained later.
ALTER TABLE activities
    ADD COLUMN product        varchar(200),
    ADD COLUMN amount         numeric(19, 4) CHECK (amount > 0),
    ADD COLUMN currency       char(3),
    ADD COLUMN content_kind   varchar(64),
    ADD COLUMN streak_days    integer,
    ADD COLUMN campaign_phase varchar(32),
    ADD COLUMN member_tier    varchar(32),
    ADD COLUMN prior_offences integer;
-- Check-in streaks (days of a member's check-ins) and cursor paging of a member's activities.
CREATE INDEX ix_activities_member_type_occurred ON activities (member_id, type, occurred_at);
CREATE INDEX ix_activities_member_recorded ON activities (member_id, recorded_at DESC, id DESC);

-- Tier applied from tier-decisions; growth counters maintained with the balance, in the same
-- statement as each ledger row (so they are always the ledger's sums over entries not yet expired).
ALTER TABLE members
    ADD COLUMN tier                    varchar(32),
    ADD COLUMN tier_benefits           text,
    ADD COLUMN tier_changed_at         timestamptz,
    ADD COLUMN growth_purchases        bigint NOT NULL DEFAULT 0,
    ADD COLUMN growth_content_points   bigint NOT NULL DEFAULT 0,
    ADD COLUMN growth_behaviour_points bigint NOT NULL DEFAULT 0;

-- Ledger rows now have a kind: REWARD (a credited reward decision, possibly capped to 0 points),
-- EXPIRY (points of an earlier REWARD row that expired), REDEMPTION, TRANSFER (merge of two members).
-- activity_id stays the idempotency key of every row: for EXPIRY it is derived from the expired row.
ALTER TABLE points_ledger
    ADD COLUMN kind           varchar(16) NOT NULL DEFAULT 'REWARD',
    ADD COLUMN group_id       uuid,
    ADD COLUMN local_day      date,
    ADD COLUMN penalty        boolean     NOT NULL DEFAULT false,
    ADD COLUMN growth_input   varchar(16),
    ADD COLUMN capped_by      text,
    ADD COLUMN policy_version text,
    ADD COLUMN expires_at     timestamptz,
    ADD COLUMN refers_to      bigint REFERENCES points_ledger (id);
-- Daily cap: credited rewards of one type of a member in one group on one local day.
CREATE INDEX ix_points_ledger_daily ON points_ledger (member_id, activity_type, local_day)
    WHERE kind = 'REWARD' AND points > 0;
-- priorOffences of the Rewards context.
CREATE INDEX ix_points_ledger_penalties ON points_ledger (member_id) WHERE penalty;
-- The expiry job: credits whose time has come; each expires at most once.
CREATE INDEX ix_points_ledger_expiring ON points_ledger (expires_at)
    WHERE kind = 'REWARD' AND points > 0 AND expires_at IS NOT NULL;
CREATE UNIQUE INDEX uq_points_ledger_expiry_of ON points_ledger (refers_to) WHERE kind = 'EXPIRY';
-- Cursor paging (newest first by id).
CREATE INDEX ix_points_ledger_member_id ON points_ledger (member_id, id DESC);

-- The current campaign phase of each group (campaign-phase-changed); the newest occurredAt wins.
CREATE TABLE group_campaign_phase (
    group_id    uuid        PRIMARY KEY,
    campaign_id uuid        NOT NULL,
    phase       varchar(32) NOT NULL,
    day         integer,
    occurred_at timestamptz NOT NULL,
    event_id    text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Every tier decision applied (idempotency on decision_id); changed = the tier really changed.
CREATE TABLE member_tier_decision (
    decision_id   uuid        PRIMARY KEY,
    member_id     uuid        NOT NULL REFERENCES members (id),
    tier          varchar(32) NOT NULL,
    previous_tier varchar(32),
    changed       boolean     NOT NULL,
    benefits      text        NOT NULL,
    growth_value  bigint,
    fired_rules   text[]      NOT NULL DEFAULT '{}',
    table_version text,
    applied_at    timestamptz NOT NULL
);
CREATE INDEX ix_member_tier_decision_changes ON member_tier_decision (member_id, applied_at DESC, decision_id)
    WHERE changed;

CREATE TABLE reward_catalogue (
    id         uuid         PRIMARY KEY,
    code       varchar(64)  NOT NULL,
    name       varchar(200) NOT NULL,
    cost       integer      NOT NULL CHECK (cost > 0),
    active     boolean      NOT NULL DEFAULT true,
    created_at timestamptz  NOT NULL,
    CONSTRAINT uq_reward_catalogue_code UNIQUE (code)
);

CREATE TABLE redemptions (
    id              uuid         PRIMARY KEY,
    member_id       uuid         NOT NULL REFERENCES members (id),
    reward_id       uuid         NOT NULL REFERENCES reward_catalogue (id),
    cost            integer      NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    redeemed_at     timestamptz  NOT NULL,
    CONSTRAINT uq_redemptions_member_key UNIQUE (member_id, idempotency_key)
);
