-- The audience query joins every membership of a page to its member for the tier alone. Through the
-- primary key that is one heap page read per member (131 MB of members at 1M rows); with the tier
-- in the index it is an index-only scan: a 10,000-row page of 2,000 groups × 500 took 75-80 ms
-- instead of 125-145 ms in the database, the whole 1M read 15.2 s instead of 22.3 s
-- (docs/performance.md). The tier is rarely written, so the second index costs little; balance
-- updates still qualify as HOT updates (no indexed column changes).
-- A large existing table: build it beforehand with CREATE INDEX CONCURRENTLY under this name, and
-- this migration only records it.
CREATE INDEX IF NOT EXISTS ix_members_id_tier ON members (id) INCLUDE (tier);
