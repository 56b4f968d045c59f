-- Flyway callback, run after every migrate by the migrating user (the schema owner in Kubernetes).
-- The service itself connects as a less privileged user (quarkus.datasource.username): it may read
-- and write rows but not change the schema or Flyway's history. ${runtime_user} is that user;
-- empty or equal to the migrating user (tests, local runs as postgres) means there is nothing to grant.
DO $$
DECLARE
    runtime_user text := '${runtime_user}';
BEGIN
    IF runtime_user <> '' AND runtime_user <> current_user THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), runtime_user);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), runtime_user);
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), runtime_user);
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON TABLE %I.flyway_schema_history FROM %I', current_schema(), runtime_user);
        -- the audit log is append-only for the service (its trigger refuses changes from every role as well)
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON TABLE %I.audit_log FROM %I', current_schema(), runtime_user);
    END IF;
END
$$;
