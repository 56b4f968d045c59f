-- Replica of campaign-service's groups (topic group-changes): what admission, local days and the
-- audience query need. updated_at is the occurredAt of the newest change applied: an older or repeated
-- change never overwrites a newer one.
CREATE TABLE community_group (
    id                 uuid         PRIMARY KEY,
    name               varchar(200) NOT NULL,
    type               varchar(32),
    time_zone          varchar(64)  NOT NULL DEFAULT 'Asia/Shanghai',
    screening_required boolean      NOT NULL DEFAULT false,
    lifespan_hours     integer,
    state              varchar(32)  NOT NULL,
    successor_group_id uuid,
    updated_at         timestamptz  NOT NULL
);
