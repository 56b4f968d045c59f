-- The audit log (issue 9): who did what and when, one row per action, written in the transaction of the
-- change it records (domain/audit/AuditLog). Append-only: the trigger refuses UPDATE, DELETE and TRUNCATE
-- for every role, and afterMigrate.sql takes those rights from the service's own database user as well.
-- Retention and how to query it: docs/operations.md, "Audit log".
CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    -- the token's principal name, or 'system' with the cause (consumer:<topic>, scheduler:<job>, startup:<step>)
    actor       text        NOT NULL,
    actor_roles text[]      NOT NULL DEFAULT '{}',
    cause       text,
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   text        NOT NULL,
    detail      jsonb       NOT NULL DEFAULT '{}'
);
-- GET /audit pages newest first (id DESC) under any one filter
CREATE INDEX ix_audit_log_actor ON audit_log (actor, id DESC);
CREATE INDEX ix_audit_log_action ON audit_log (action, id DESC);
CREATE INDEX ix_audit_log_target ON audit_log (target_type, target_id, id DESC);
CREATE INDEX ix_audit_log_at ON audit_log (at);

CREATE FUNCTION audit_log_reject_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only (% rejected)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
