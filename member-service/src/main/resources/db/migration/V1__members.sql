CREATE TABLE members (
    id             uuid         PRIMARY KEY,
    source_system  varchar(64)  NOT NULL,
    external_id    varchar(128) NOT NULL,
    display_name   varchar(200) NOT NULL,
    -- Always equals the sum of points_ledger.points of the member (maintained in the same transaction).
    points_balance bigint       NOT NULL DEFAULT 0,
    created_at     timestamptz  NOT NULL,
    CONSTRAINT uq_members_source_external UNIQUE (source_system, external_id)
);
