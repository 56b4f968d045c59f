-- Several external ids per member (WeCom external_userid, unionid, shop customer id, ...), and merges:
-- a merged member keeps its row (history), points to the survivor and resolves to it.
CREATE TABLE member_identity (
    source_system varchar(64)  NOT NULL,
    external_id   varchar(128) NOT NULL,
    member_id     uuid         NOT NULL REFERENCES members (id),
    added_at      timestamptz  NOT NULL,
    PRIMARY KEY (source_system, external_id)
);
CREATE INDEX ix_member_identity_member ON member_identity (member_id);
-- every member's registration id is its first identity
INSERT INTO member_identity (source_system, external_id, member_id, added_at)
SELECT source_system, external_id, id, created_at FROM members;

ALTER TABLE members ADD COLUMN merged_into uuid REFERENCES members (id);
