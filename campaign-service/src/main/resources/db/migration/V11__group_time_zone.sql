-- Every "local day" in Qunyun is the group's (contract: timeZone, default Asia/Shanghai).
ALTER TABLE community_group
    ADD COLUMN time_zone          text    NOT NULL DEFAULT 'Asia/Shanghai',
    ADD COLUMN screening_required boolean NOT NULL DEFAULT false,
    ADD COLUMN state              text    NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN successor_group_id uuid,
    ADD COLUMN updated_at         timestamptz;
UPDATE community_group SET screening_required = screened, updated_at = created_at;
ALTER TABLE community_group ALTER COLUMN updated_at SET NOT NULL;
