-- Append-only: one row per activity ever credited (activity_id is the idempotency key of crediting).
-- No foreign key to activities: other systems may publish activities straight to Kafka.
CREATE TABLE points_ledger (
    id            bigserial    PRIMARY KEY,
    member_id     uuid         NOT NULL REFERENCES members (id),
    activity_id   uuid         NOT NULL,
    decision_id   uuid         NOT NULL,
    activity_type text,
    points        integer      NOT NULL,
    reason        text,
    fired_rules   text[]       NOT NULL DEFAULT '{}',
    table_version text,
    occurred_at   timestamptz,
    credited_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_points_ledger_activity UNIQUE (activity_id)
);

CREATE INDEX ix_points_ledger_member_newest ON points_ledger (member_id, credited_at DESC, id DESC);

-- The ledger is history: corrections are new rows, never edits.
CREATE FUNCTION points_ledger_reject_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'points_ledger is append-only (% rejected)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER points_ledger_append_only
    BEFORE UPDATE OR DELETE ON points_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION points_ledger_reject_change();
