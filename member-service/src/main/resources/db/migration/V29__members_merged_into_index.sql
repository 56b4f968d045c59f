-- Issue 23: a merged record's idempotency keys are its survivor's, so recording an activity looks up the records
-- merged into its member; merged records are few, so a partial index keeps that probe free for everyone else.
CREATE INDEX ix_members_merged_into ON members (merged_into) WHERE merged_into IS NOT NULL;
