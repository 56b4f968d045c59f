CREATE TABLE activities (
    id              uuid         PRIMARY KEY,
    member_id       uuid         NOT NULL REFERENCES members (id),
    type            varchar(32)  NOT NULL,
    group_id        uuid,
    occurred_at     timestamptz  NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    -- Also serves lookups by member.
    CONSTRAINT uq_activities_member_idempotency UNIQUE (member_id, idempotency_key)
);
