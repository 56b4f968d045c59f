-- Transactional outbox (same design as member-service): rows live only until the relay got the broker's ack.
CREATE TABLE outbox_event (
    id          bigserial    PRIMARY KEY,
    event_id    uuid         NOT NULL,
    topic       varchar(249) NOT NULL,
    message_key varchar(255),
    payload     text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
