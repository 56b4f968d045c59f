-- Compiled modules are class files this service loads and runs: each row now carries the HMAC-SHA256 of its module,
-- made with a key that is configuration (qunyun.tables.signing-key), never in this database. A row without a
-- signature, or whose signature does not match, is not loaded: the version is compiled again from its workbook and
-- the row replaced (issue 22). Rows stored before this migration have none, so each is compiled once more.
ALTER TABLE decision_table_compiled ADD COLUMN signature VARCHAR(64);
