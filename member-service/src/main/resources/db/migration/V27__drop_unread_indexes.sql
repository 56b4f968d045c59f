-- Indexes that no statement reads any more, dropped: every credited activity and every ledger row paid
-- for them (docs/performance.md, "Indexes no statement reads").
--
-- ix_points_ledger_member_newest (member_id, credited_at, id): the timeline reads a member's ledger rows
-- through ix_points_ledger_member_id and sorts them (EXPLAIN of TimelineRepository's statement); paging
-- goes by id. It was the largest index of the ledger after the unique activity id.
DROP INDEX IF EXISTS ix_points_ledger_member_newest;
-- ix_points_ledger_penalties: priorOffences is the members.prior_offences counter since V25.
DROP INDEX IF EXISTS ix_points_ledger_penalties;
-- ix_activities_member_type_occurred (member_id, type, occurred_at): the check-in streak asks for one
-- local day of one member, which ix_activities_member_time (member_id, occurred_at, id) finds as well.
DROP INDEX IF EXISTS ix_activities_member_type_occurred;
