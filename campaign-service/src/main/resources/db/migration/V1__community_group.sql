create table community_group (
    id                   uuid primary key,
    name                 text        not null,
    platform             text        not null,
    aidass_from          text        not null,
    aidass_to            text        not null,
    screened             boolean     not null default false,
    group_type           text        not null,
    lifespan_hours       integer,
    intensity            text,
    primary_metric       text,
    five_w1h             jsonb       not null,
    findings             jsonb       not null,
    positioning_decision jsonb       not null,
    five_w1h_decision    jsonb       not null,
    created_at           timestamptz not null
);

create index community_group_type_idx on community_group (group_type);
create index community_group_created_idx on community_group (created_at desc);
