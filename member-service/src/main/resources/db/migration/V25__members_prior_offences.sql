-- priorOffences of the Rewards context (penalised activities of the member so far) as a counter on
-- the member row, moved by the ledger in the same statement as the balance: recording an activity
-- read it with a count over the member's penalised ledger rows, a statement of its own per call
-- (docs/performance.md, "REST ingestion"). Back-filled from the ledger; a merged member keeps its own
-- offences, as the count did (merges move points and growth, not history).
ALTER TABLE members ADD COLUMN prior_offences integer NOT NULL DEFAULT 0;

UPDATE members m SET prior_offences = p.offences
FROM (SELECT member_id, count(*) AS offences FROM points_ledger WHERE penalty GROUP BY member_id) p
WHERE m.id = p.member_id;
